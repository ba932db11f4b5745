/** The flows a link may ask for (`/account/billing?flow=…`, from a support suggestion), with their prompt. */
export const promptedFlows = {
  payment_method_update: 'Continue to Stripe to update your card',
  subscription_update: 'Continue to Stripe to change your plan',
} as const;
export type PromptedFlow = keyof typeof promptedFlows;

export function isPromptedFlow(flow: unknown): flow is PromptedFlow {
  return typeof flow === 'string' && Object.hasOwn(promptedFlows, flow);
}
