import { benchIngest } from './ingest.ts';
for (let i = 0; i < 3; i++) {
  const r = await benchIngest('postgres', { batchesPerClient: 10, accounts: 10, adminUrl: 'postgres://postgres@127.0.0.1:5432/postgres' });
  console.log(JSON.stringify(r));
}
