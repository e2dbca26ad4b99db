import { describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from './errors.js';

describe('errors', () => {
  it('carry a string code and their class name', () => {
    const error = new InputError('bad profile', { cause: new Error('inner') });
    expect(error.code).toBe('input');
    expect(error.name).toBe('InputError');
    expect(error.cause).toBeInstanceOf(Error);
    expect(new NotFoundError('x').code).toBe('not-found');
  });
});
