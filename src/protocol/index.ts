/** Protocol v1: the one source of truth for wire types, enumerations and error codes. */
export * from './constants.js';
export * from './errors.js';
export * from './messages.js';
export * from './input.js';
