import type { AssetRecord } from '../core/asset'
import { assetKey, type UseUploaderOptions } from './useUploader'

/** Props of {@link FieldInputs}. */
export interface FieldInputsProps {
  /** The form field name the assets are posted under. */
  readonly name: string | undefined
  /** The field's assets. */
  readonly value: readonly AssetRecord[]
  /** What each asset posts as; its id by default. */
  readonly formValue: ((asset: AssetRecord) => string) | undefined
  /** Whether the form can't be submitted without an asset. */
  readonly required: boolean
  /** Whether files are on their way: the form can't be submitted until they arrive. */
  readonly uploading: boolean
  /** The validation messages. */
  readonly messages: { readonly required: string; readonly stillUploading: string }
  /** Where focus goes when the browser points at the field (the file chooser). */
  readonly onFocus: () => void
}

/**
 * The widget's part in a native `<form>`: a hidden input per asset under `name` (so `FormData`
 * and form actions get the ids), and an input the browser validates: empty when `required`, or
 * while files are still uploading, it keeps the form from submitting, with a message.
 */
export function FieldInputs({
  name,
  value,
  formValue,
  required,
  uploading,
  messages,
  onFocus,
}: FieldInputsProps) {
  if (!name && !required) return null
  const posted = value.map((asset) => ({
    key: assetKey(asset),
    text: formValue ? formValue(asset) : asset.id,
  }))
  const problem = uploading
    ? messages.stillUploading
    : required && posted.length === 0
      ? messages.required
      : ''
  return (
    <>
      {name &&
        posted.map(({ key, text }) => <input key={key} type="hidden" name={name} value={text} />)}
      <input
        className="assetdrop-visually-hidden"
        aria-hidden="true"
        tabIndex={-1}
        value={posted.map(({ text }) => text).join(',')}
        // Not read-only: the browser validates only fields a user could edit.
        onChange={() => {}}
        ref={(element) => element?.setCustomValidity(problem)}
        onFocus={onFocus}
      />
    </>
  )
}

/**
 * Whether a widget is a form field (its assets can be removed, and it posts them): it has a
 * `name`, is `required`, holds a value, or takes one file.
 */
export function isFormField(
  options: UseUploaderOptions,
  name: string | undefined,
  required: boolean,
): boolean {
  return (
    name !== undefined ||
    required ||
    options.value !== undefined ||
    options.defaultValue !== undefined ||
    options.onChange !== undefined ||
    options.multiple === false
  )
}
