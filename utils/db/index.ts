export * from './schema';
export * from './observation-store';
export * from './reference-store';
export * from './autosaver';
