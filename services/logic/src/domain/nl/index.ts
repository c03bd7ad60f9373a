export {
  FOLConverter,
  convertBatch,
  DEFAULT_CONVERTER_CONFIG,
  type BatchItem,
  type ConversionResult,
  type ConverterConfig,
  type SentenceConversion,
  type SentenceStatus,
} from './fol-converter.js';
export { tokenizeText, tokenizeSentence, splitSentences, type Sentence, type WordToken } from './tokenizer.js';
export { singularNoun, verbBase, thirdPersonSingular, looksPlural } from './lemmatizer.js';
