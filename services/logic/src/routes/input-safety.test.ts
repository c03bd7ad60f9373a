import { describe, expect, it } from 'vitest';
import { LogicError } from '../errors.js';
import { checkInputSize, checkSuspiciousPatterns, findSuspiciousPattern } from './input-safety.js';

describe('findSuspiciousPattern', () => {
  it.each([
    ['fof(a, axiom, ! [X] : (man(X) => mortal(X))).'],
    ["fof(b, axiom, 'John' = 'john')."],
    ['$true & ~$false'],
    ['/* block comment */ p | q'],
    ['∀x (Cat(x) → Animal(x))'],
    ["John's cat or Mary's dog is an animal."],
    ['If one = two then everything holds.'],
    ['All men are mortal; Socrates is a man.'],
    ['Tabs\tand\nnewlines\r\nare fine'],
  ])('lets %j pass', (text) => {
    expect(findSuspiciousPattern(text)).toBeUndefined();
  });

  it.each([
    ['a\u0000b', 'control character'],
    ['a\u001bb', 'control character'],
    ['a\u0085b', 'control character'],
    ['abc\u2066def', 'bidirectional override'],
    ['<SCRIPT src=x>', 'script injection'],
    ['<a href=x onclick = "y">', 'script injection'],
    ['JavaScript:alert(1)', 'script injection'],
    ["admin' or 1=1", 'SQL injection'],
    ['"x" AND "a"="a"', 'SQL injection'],
    ['p; drop table users', 'SQL injection'],
    ['1 UNION ALL SELECT password', 'SQL injection'],
    ['$(rm -rf /)', 'shell or template expansion'],
    ['${jndi:ldap://x}', 'shell or template expansion'],
    ['`id`', 'shell or template expansion'],
  ])('flags %j as %s', (text, kind) => {
    expect(findSuspiciousPattern(text)).toBe(kind);
  });
});

describe('checks', () => {
  it('names the field and the pattern in LOGIC_SUSPICIOUS_INPUT', () => {
    const error = (() => {
      try {
        checkSuspiciousPatterns('<script>', 'axioms/2');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(LogicError);
    expect(error).toMatchObject({ code: 'LOGIC_SUSPICIOUS_INPUT', statusCode: 400, field: 'axioms/2', details: { pattern: 'script injection' } });
  });

  it('accepts exactly the limit and refuses one character more with 413', () => {
    expect(() => checkInputSize(10_000, 10_000, 'text')).not.toThrow();
    expect(() => checkInputSize(10_001, 10_000, 'text')).toThrow('Input too large: text has 10001 characters, over LOGIC_MAX_INPUT_SIZE=10000');
  });
});
