export { checkPromptfooAssertion, supportedPromptfooAssertionTypes } from './promptfoo-assertion'
export {
  promptfooAssertionSchema,
  type PromptfooAssertion,
  type PromptfooAssertionResult,
} from './promptfoo-schema'
export { scorePromptfooTest, type PromptfooTestVerdict, type WeightedAssertion } from './promptfoo-test-score'
