export * from './roster';
export * from './match-units';
export * from './find-unit';
