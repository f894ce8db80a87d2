import { badInput } from '@peacegraph/kit/errors';
import { optionalText } from '@peacegraph/kit/input';

const PHONE = /^\+?[0-9][0-9 ()-]{5,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A facilitator's phone number as staff type it: digits, spaces, brackets, dashes, a leading +. */
export function phoneNumber(field: string, raw: string | null | undefined): string | null {
  const phone = optionalText(field, raw, 'The phone number', 40);
  if (phone && !PHONE.test(phone)) throw badInput(field, 'The phone number may hold digits, spaces, brackets, dashes and a leading +');
  return phone;
}

export function emailAddress(field: string, raw: string | null | undefined): string | null {
  const email = optionalText(field, raw, 'The email address', 200);
  if (email && !EMAIL.test(email)) throw badInput(field, `"${email}" is not an email address`);
  return email;
}
