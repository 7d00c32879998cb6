export { createSignoff, type SignoffInput } from './create'
export { listSignoffs } from './list'
export { baselineContent, type BaselineContent } from './content'
