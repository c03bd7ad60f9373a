export {
  standardTranslation,
  translateModalProblem,
  frameAxioms,
  deonticFrameAxioms,
  modalOperators,
  type AlethicLogic,
  type ModalTranslationOptions,
} from './standard-translation.js';
export {
  temporalTranslation,
  linearTimeAxioms,
  unrollBounded,
  translateTemporalProblem,
  timePoint,
  type TemporalMode,
  type TemporalOptions,
} from './temporal-translation.js';
