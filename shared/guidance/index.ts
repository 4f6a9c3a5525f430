export * from './types';
export { GuidanceEngine } from './engine';
export { compilePhrase, saysPhrase, streamTokens } from './matcher';
export { replay, transcriptEvents } from './replay';
