import { describe, expect, it } from 'vitest';
import { CommandKeys } from '../src/composables/commandKeys.js';

describe('CommandKeys', () => {
  const counting = () => { let n = 0; return () => `key-${++n}`; };

  it('keeps the key while the same request is sent again after an indefinite answer', () => {
    const keys = new CommandKeys(counting());
    expect(keys.keyFor('rename', 'POST /u/1 {"name":"A"}')).toBe('key-1');
    expect(keys.keyFor('rename', 'POST /u/1 {"name":"A"}')).toBe('key-1');
  });

  it('starts a new key for a changed request, and after a definite answer', () => {
    const keys = new CommandKeys(counting());
    keys.keyFor('rename', 'A');
    expect(keys.keyFor('rename', 'B')).toBe('key-2');
    keys.settled('rename');
    expect(keys.keyFor('rename', 'B')).toBe('key-3');
  });

  it('keeps each form apart', () => {
    const keys = new CommandKeys(counting());
    expect(keys.keyFor('establish', 'X')).toBe('key-1');
    expect(keys.keyFor('rename', 'X')).toBe('key-2');
    expect(keys.keyFor('establish', 'X')).toBe('key-1');
  });
});
