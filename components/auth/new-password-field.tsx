import { FormField } from '@/components/ui/form-field';
import { passwordLength } from '@/lib/validations/password-length';

/** A password someone is choosing (sign-up, change, reset): the manager may suggest one. */
export function NewPasswordField({
  label,
  name,
  hint,
  errors,
}: {
  label: string;
  name: string;
  hint: string;
  errors?: string[];
}) {
  return (
    <FormField
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      minLength={passwordLength.min}
      maxLength={passwordLength.max}
      hint={hint}
      errors={errors}
    />
  );
}
