/** German: every string the widgets show or announce, and every message, in German. */
import { formatBytes } from '../core/format'
import type { ErrorMessages, MessageParams } from '../core/messages'
import type { DropzoneLocale } from '../react/locale'

const bytes = (value: MessageParams[string] | undefined) =>
  typeof value === 'number' ? formatBytes(value, 'de') : String(value)
const time = (seconds: number) => (seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`)
const contents: Readonly<Record<string, string>> = {
  executable: 'ein Programm',
  script: 'ein Skript',
  text: 'Text',
  binary: 'Binärdaten',
  empty: 'nichts (die Datei ist leer)',
  ole: 'ein Office-97–2003-Dokument',
  unreadable: 'unlesbare Bilddaten',
}
const nameProblems: Readonly<Record<string, string>> = {
  empty: 'Die Datei hat keinen Namen',
  'too-long': 'Der Dateiname ist zu lang',
  'control-character': 'Der Dateiname enthält Steuerzeichen',
  'bidi-control': 'Der Dateiname enthält Zeichen, die seinen Typ verschleiern können',
  'path-separator': 'Der Dateiname enthält einen Schrägstrich',
  reserved: 'Der Dateiname ist reserviert (`.` und `..` bezeichnen Ordner)',
}
const limits: Readonly<Record<string, string>> = {
  width: 'Breite',
  height: 'Höhe',
  pixels: 'Pixel',
}

/** The widgets' strings in German. */
export const locale: DropzoneLocale = {
  label: 'Datei-Upload',
  dropHere: 'Dateien hier ablegen, einfügen oder',
  chooseFiles: 'Dateien auswählen',
  chooseFolder: 'Ordner auswählen',
  upload: (count) => (count === 1 ? '1 Datei hochladen' : `${count} Dateien hochladen`),
  files: 'Dateien',
  assets: 'Hochgeladene Dateien',
  problems: 'Dateien mit Problemen',
  requiredField: (label) => `${label} (Pflichtfeld)`,
  listPlaceholder: 'Durch Kommas getrennt',
  status: {
    validating: 'Wird geprüft',
    queued: 'Bereit',
    rejected: 'Nicht erlaubt',
    uploading: 'Wird hochgeladen',
    retrying: 'Neuer Versuch',
    succeeded: 'Hochgeladen',
    failed: 'Fehlgeschlagen',
    cancelled: 'Abgebrochen',
  },
  retryingIn: (seconds) =>
    seconds === undefined ? 'Warte auf die Verbindung' : `Neuer Versuch in ${time(seconds)}`,
  offline: 'Sie sind offline. Die Uploads gehen weiter, sobald die Verbindung zurück ist.',
  detailsOf: (name) => `Angaben zu ${name}`,
  progressOf: (name) => `Upload-Fortschritt von ${name}`,
  totalProgress: 'Gesamtfortschritt',
  totalValue: (percent, secondsLeft) =>
    secondsLeft === undefined ? `${percent} %` : `${percent} %, noch etwa ${time(secondsLeft)}`,
  remove: (name) => `${name} entfernen`,
  cancel: (name) => `${name} abbrechen`,
  retry: (name) => `${name} erneut versuchen`,
  removeFailed: 'Konnte nicht entfernt werden; bitte erneut versuchen',
  required: 'Bitte eine Datei hinzufügen',
  stillUploading: 'Bitte warten, bis die Dateien hochgeladen sind',
  announce: {
    added: (count) => (count === 1 ? '1 Datei hinzugefügt' : `${count} Dateien hinzugefügt`),
    rejected: (name, reason) => `${name} wurde nicht hinzugefügt: ${reason}`,
    failed: (name, reason) => `${name} konnte nicht hochgeladen werden: ${reason}`,
    complete: (uploaded, failed) =>
      uploaded === 0 && failed === 0
        ? 'Upload abgebrochen'
        : failed === 0
          ? `Upload abgeschlossen: ${uploaded} hochgeladen`
          : `Upload beendet: ${uploaded} hochgeladen, ${failed} fehlgeschlagen`,
  },
}

/** Every message in German. */
export const messages: ErrorMessages = {
  'file-too-large': ({ maxSize }) =>
    maxSize === undefined ? 'Die Datei ist zu groß' : `Die Datei ist größer als ${bytes(maxSize)}`,
  'file-too-small': ({ minSize }) =>
    minSize === 1 ? 'Die Datei ist leer' : `Die Datei ist kleiner als ${bytes(minSize)}`,
  'file-type-not-allowed': ({ allowed }) =>
    allowed === undefined
      ? 'Dieser Dateityp ist nicht erlaubt'
      : `Dieser Dateityp ist nicht erlaubt (erlaubt: ${allowed})`,
  'too-many-files': ({ maxFiles }) =>
    maxFiles === undefined ? 'Zu viele Dateien' : `Höchstens ${maxFiles} Dateien sind möglich`,
  'total-too-large': ({ maxTotalSize }) =>
    maxTotalSize === undefined
      ? 'Die Dateien sind zusammen zu groß'
      : `Die Dateien dürfen zusammen höchstens ${bytes(maxTotalSize)} groß sein`,
  'content-mismatch': ({ claimed, actual, format }) =>
    claimed === undefined
      ? 'Der Inhalt der Datei passt nicht zu ihrem Namen oder Typ'
      : `Die Datei ist als ${claimed} benannt, ihr Inhalt ist aber ${contents[String(format)] ?? actual}`,
  'image-too-small': ({ width, height, minWidth, minHeight }) =>
    `Das Bild hat ${width}×${height} Pixel; es muss mindestens ${minWidth ?? 1}×${minHeight ?? 1} haben`,
  'image-too-large': ({ width, height, limitKind, limitValue }) =>
    `Das Bild hat ${width}×${height} Pixel, mehr als erlaubt (${limits[String(limitKind)] ?? ''} ${limitValue ?? ''})`,
  'image-size-unknown': ({ format }) =>
    `Die Größe dieses Bildes (${format ?? '?'}) ist nicht lesbar und kann daher nicht geprüft werden`,
  'name-invalid': ({ problem }) =>
    nameProblems[String(problem)] ?? 'Dieser Dateiname ist nicht erlaubt',
  duplicate: 'Diese Datei wurde bereits hinzugefügt',
  'file-unreadable':
    'Die Datei ließ sich nicht lesen; vielleicht wurde sie seit der Auswahl geändert oder verschoben',
  'meta-missing': ({ fields }) =>
    fields === undefined
      ? 'Bitte vor dem Upload die Pflichtfelder ausfüllen'
      : `Bitte vor dem Upload ${fields} ausfüllen: das ist ein Pflichtfeld`,
  'url-invalid': 'Nur eine vollständige Webadresse (http oder https) kann importiert werden',
  custom: ({ message }) => (message === undefined ? 'Die Datei wurde abgelehnt' : String(message)),
  unauthorized: 'Nicht angemeldet, oder die Zugangsdaten wurden abgelehnt',
  forbidden: 'Hier darf nicht hochgeladen werden',
  'not-found': 'Die Upload-Adresse wurde nicht gefunden',
  rejected: 'Der Server hat die Datei abgelehnt',
  'signature-mismatch': 'Die Upload-Adresse wurde abgelehnt: ihre Signatur passt nicht zur Datei',
  'url-expired': 'Die Upload-Adresse ist abgelaufen',
  'rate-limited': 'Zu viele Uploads auf einmal; bitte gleich noch einmal versuchen',
  'server-error': 'Der Server konnte die Datei nicht speichern',
  network: 'Der Upload hat den Server nicht erreicht',
  timeout: 'Der Upload hat zu lange gedauert',
  aborted: 'Der Upload wurde abgebrochen',
  redirected:
    'Der Server hat den Upload an eine andere Website weitergeleitet; dem wird nicht gefolgt',
  'bad-response': 'Die Antwort des Servers war nicht zu verstehen',
  'answer-unrecognized':
    'Der Server hat die Datei angenommen, aber seine Antwort nennt kein Asset; sie wird nicht erneut gesendet, damit sie nicht doppelt gespeichert wird',
}
