import { clsx } from 'clsx';
import {
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  useId,
} from 'react';
import { focusRing } from './focus.ts';

const control =
  'block w-full rounded border border-slate-300 bg-white px-3 text-sm text-slate-900 placeholder:text-slate-500 hover:border-slate-400 disabled:bg-slate-50 disabled:text-slate-500 aria-[invalid=true]:border-red-600';

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input(
  { className, ...rest },
  ref,
) {
  return <input ref={ref} className={clsx(control, 'h-9', focusRing, className)} {...rest} />;
});

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function Select(
  { className, children, ...rest },
  ref,
) {
  return (
    <select ref={ref} className={clsx(control, 'h-9 pr-8', focusRing, className)} {...rest}>
      {children}
    </select>
  );
});

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * A labelled form control. The control comes from a render function so that the label, hint and
 * error are wired to it by id: `<Field label="Email">{(p) => <Input {...p} type="email" />}</Field>`.
 */
export function Field({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={clsx('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A `Field` holding one `Input`, for the common case: `<InputField label="Email" type="email" value={v} />`.
 * `className` is the field's; the other props are the input's (its own `aria-invalid` wins over the field's).
 */
export function InputField({
  label,
  hint,
  error,
  className,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  ref?: Ref<HTMLInputElement>;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(p) => <Input {...p} {...input} />}
    </Field>
  );
}

/**
 * A checkbox with its label beside it and a hint under the label, wired by id. `danger` colours the box
 * for a choice with consequences (a write session).
 */
export function CheckboxField({
  label,
  hint,
  danger = false,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id' | 'aria-describedby' | 'className'> & {
  label: ReactNode;
  hint: ReactNode;
  danger?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <input
        {...input}
        id={id}
        type="checkbox"
        className={clsx('mt-0.5 size-4', danger ? 'accent-red-700' : 'accent-brand-600')}
        aria-describedby={`${id}-hint`}
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-900">
          {label}
        </label>
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      </div>
    </div>
  );
}

/** An amount of money typed in yuan: the decimal keypad on phones, no autofill, figures aligned. */
export function AmountInput({
  onValueChange,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'inputMode' | 'autoComplete' | 'className'> & {
  value: string;
  onValueChange: (value: string) => void;
}) {
  return (
    <Input
      {...rest}
      inputMode="decimal"
      autoComplete="off"
      onChange={(e) => onValueChange(e.target.value)}
      className="max-w-48 tabular"
    />
  );
}
