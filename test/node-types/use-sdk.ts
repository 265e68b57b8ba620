// A Node TypeScript project without the DOM lib and with skipLibCheck: false, using the SDK's
// emitted declarations (npm run typecheck emits them to test/.tmp/node-types first).
import { createClient, httpBackend, memoryBackend, MentorshipError, type Session } from '../.tmp/node-types/dist/sdk/index.js';

const client = createClient({ backend: httpBackend({ baseUrl: 'http://127.0.0.1:8787/v1', getToken: () => process.env.TOKEN }) });
const memory = createClient({ backend: memoryBackend() });
export async function use(): Promise<Session[]> {
  try {
    await client.sync.flush();
    return [...(await client.sessions.list()), ...(await memory.sessions.list())];
  } catch (error) {
    if (error instanceof MentorshipError && error.code === 'network') return [];
    throw error;
  }
}
