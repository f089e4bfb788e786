export * from './ssh-key.js';
export * from './sshsig.js';
export * from './private-key-store.js';
export * from './age.js';
