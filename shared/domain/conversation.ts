import { z } from 'zod'

/**
 * Conversations, tools and tool calls (issue 19). A case may hold a conversation that a prompt version places
 * at its `conversation` placeholder message; a version may carry tool definitions; an answer may call tools;
 * a case may supply canned tool results so a multi-step agent turn runs offline, every step recorded.
 */

/** Roles a case's conversation may use. Tool turns come only from canned results, never from a case file. */
export const conversationRoles = ['system', 'user', 'assistant'] as const
export const conversationTurnSchema = z.object({
  role: z.enum(conversationRoles),
  content: z.string(),
})
export type ConversationTurn = z.infer<typeof conversationTurnSchema>
export const conversationSchema = z.array(conversationTurnSchema).min(1).max(500)

/** A tool's name as both APIs accept it. */
export const toolNameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9_-]{1,64}$/, 'a tool name is 1–64 letters, digits, _ or -')

/** One tool a version offers the model: `parameters` is the JSON Schema of its arguments (an object schema). */
export const toolDefinitionSchema = z.object({
  name: toolNameSchema,
  description: z.string().max(10_000).default(''),
  parameters: z.record(z.string(), z.unknown()),
})
export type ToolDefinition = z.output<typeof toolDefinitionSchema>

export const toolChoiceSchema = z.union([
  z.enum(['auto', 'none', 'required']),
  z.object({ name: toolNameSchema }),
])
export type ToolChoice = z.infer<typeof toolChoiceSchema>

/**
 * One tool call as the model made it. `arguments` is the exact text the model produced (complete, after the
 * stream); it may not be JSON — scorers report that as a failure, it is never "fixed".
 */
export const toolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  arguments: z.string(),
})
export type ToolCall = z.infer<typeof toolCallSchema>

/**
 * A message as sent to a provider: the prompt's rendered messages, a case's turns, and within a tool loop
 * the assistant's tool calls and the canned tool results answering them.
 */
export const chatMessageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: z.string() }),
  z.object({ role: z.literal('user'), content: z.string() }),
  z.object({
    role: z.literal('assistant'),
    content: z.string(),
    toolCalls: z.array(toolCallSchema).optional(),
  }),
  z.object({ role: z.literal('tool'), toolCallId: z.string(), name: z.string(), content: z.string() }),
])
export type ChatMessage = z.infer<typeof chatMessageSchema>

/**
 * Canned tool results a case supplies, by tool name: one text answers every call of that tool, a list
 * answers its calls in order (the last one repeats). Deterministic, so a loop replays the same way.
 */
export const cannedToolResultsSchema = z.record(
  toolNameSchema,
  z.union([z.string(), z.array(z.string()).min(1)]),
)
export type CannedToolResults = z.infer<typeof cannedToolResultsSchema>

/** One model call within a tool loop, as recorded. */
export const toolStepSchema = z.object({
  step: z.number().int().nonnegative(),
  /** The messages sent in this step (the whole conversation so far). */
  messages: z.array(chatMessageSchema),
  text: z.string(),
  toolCalls: z.array(toolCallSchema),
  /** The canned results sent back for this step's calls (empty on the last step). */
  toolResults: z.array(z.object({ toolCallId: z.string(), name: z.string(), content: z.string() })),
  finishReason: z.string().nullable(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cachedTokens: z.number().int().nonnegative(),
  costUsd: z.number().nullable(),
  ttftMs: z.number().nullable(),
  totalMs: z.number().nonnegative(),
})
export type ToolStep = z.infer<typeof toolStepSchema>

/** The message a prompt version puts where a case's conversation goes (the "message placeholder"). */
export const CONVERSATION_PLACEHOLDER_ROLE = 'conversation'
