import { Matches } from 'class-validator';

/**
 * Refuses text with a NUL character: PostgreSQL cannot store it in text columns, so letting it through would
 * turn a bad request into a database error.
 */
export const NoNul = () => Matches(/^[^\u0000]*$/, { message: '$property must not contain NUL characters' });
