export * from './roster';
export * from './match-units';
