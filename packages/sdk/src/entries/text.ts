/**
 * @hirenet/sdk/text — words: the tokenizer and the compact 100-d word vectors that feed the
 * question and job-title GRUs. docs/session-api.md (vocabulary), models/vocab/README.md.
 */

export { tokenize } from '../text/tokenizer.ts';
export {
  Vocabulary,
  loadVocabulary,
  openVocabulary,
  decodeVocabulary,
  VOCAB_FORMAT,
  type VocabManifest,
  type VocabularyLoadOptions,
  type VocabReader,
} from '../text/vocabulary.ts';
export {
  embedText,
  embedTokens,
  resolveToken,
  type EmbedOptions,
  type UnknownWordStrategy,
  type TokenResolution,
} from '../text/embed.ts';
export { lexicalStats, normaliseWord, type LexicalOptions } from '../text/lexical.ts';
export { lexicalFeedback, type LexicalFeedbackItem } from '../text/lexical-feedback.ts';
export { keyWords, type AttendedWord } from '../text/lexical-keywords.ts';
export { transcriptFromVtt, parseVttTime } from '../text/transcript-vtt.ts';
