export * from './schema';
export * from './observation-store';
export * from './reference-store';
export * from './autosaver';
export * from './identity-store';
export * from './authority-store';
export * from './trust-store';
export * from './collect-store';
