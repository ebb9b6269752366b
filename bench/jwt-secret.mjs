/** Shared by the bench server and the runner that signs the benchmark's JWT. */
export const JWT_SECRET = 'benchmark-only-secret-benchmark-only-secret';
