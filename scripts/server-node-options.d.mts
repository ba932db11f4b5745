export const serverNodeOptions: string[];
export function withServerNodeOptions(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
