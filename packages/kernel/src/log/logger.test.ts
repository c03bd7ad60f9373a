import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, hashIdentifier } from './logger.js';

function capture() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean))
      lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  return { stream, lines };
}

describe('createLogger', () => {
  it('writes JSON with service, version and a textual level', () => {
    const { stream, lines } = capture();
    createLogger({ service: 'demo', version: '1.2.3', level: 'info', destination: stream }).info('hello');
    expect(lines[0]).toMatchObject({ service: 'demo', version: '1.2.3', level: 'info', msg: 'hello' });
  });

  it('never writes secrets or raw user ids', () => {
    const { stream, lines } = capture();
    const log = createLogger({ service: 'demo', version: '1', level: 'info', destination: stream });
    log.info(
      {
        user_id: 'alice@example.com',
        config: { SECRET_KEY: 's3cret' },
        req: { headers: { authorization: 'Bearer abc' } },
      },
      'x',
    );
    const text = JSON.stringify(lines);
    expect(text).not.toContain('alice@example.com');
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('Bearer abc');
  });
});

describe('hashIdentifier', () => {
  it('is stable, salted and does not contain the id', () => {
    expect(hashIdentifier('alice', 'k')).toBe(hashIdentifier('alice', 'k'));
    expect(hashIdentifier('alice', 'k')).not.toBe(hashIdentifier('alice', 'other'));
    expect(hashIdentifier('alice', 'k')).toMatch(/^[0-9a-f]{24}$/);
  });
});
