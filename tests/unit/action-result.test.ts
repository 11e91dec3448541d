import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formValues, highlightedFieldsMessage, invalidResult } from '@/lib/action-result';

const schema = z.object({
  cohortId: z.string().uuid('Not a cohort.'),
  message: z.string().min(1, 'Write a short message.'),
});

describe('invalidResult', () => {
  it('highlights the fields the form shows, and says the rest in its message', () => {
    const error = schema.safeParse({ cohortId: 'nope', message: '' }).error!;
    expect(invalidResult(error, ['message'])).toEqual({
      status: 'invalid',
      message: `${highlightedFieldsMessage} Not a cohort.`,
      fieldErrors: { message: ['Write a short message.'] },
    });
  });

  it('never says "highlighted" when no field the form shows is', () => {
    const error = schema.safeParse({ cohortId: 'nope', message: 'Hi' }).error!;
    expect(invalidResult(error, ['message'])).toEqual({
      status: 'invalid',
      message: 'Not a cohort.',
      fieldErrors: {},
    });
  });

  it('without a list of fields, highlights every field it names', () => {
    const error = schema.safeParse({ cohortId: 'nope', message: '' }).error!;
    expect(invalidResult(error)).toEqual({
      status: 'invalid',
      message: highlightedFieldsMessage,
      fieldErrors: { cohortId: ['Not a cohort.'], message: ['Write a short message.'] },
    });
  });
});

describe('formValues', () => {
  it('reads the named text fields as typed, empty when absent, never a file', () => {
    const data = new FormData();
    data.set('name', '  Spring guild ');
    data.set('upload', new Blob(['x']), 'x.txt');
    data.set('password', 'not asked for');
    expect(formValues(data, ['name', 'startsOn', 'upload'])).toEqual({
      name: '  Spring guild ',
      startsOn: '',
      upload: '',
    });
  });
});
