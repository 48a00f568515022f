/** Spanish: every string the widgets show or announce, and every message, in Spanish. */
import { formatBytes } from '../core/format'
import type { ErrorMessages, MessageParams } from '../core/messages'
import type { DropzoneLocale } from '../react/locale'

const bytes = (value: MessageParams[string] | undefined) =>
  typeof value === 'number' ? formatBytes(value, 'es') : String(value)
const time = (seconds: number) => (seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`)
const contents: Readonly<Record<string, string>> = {
  executable: 'un programa',
  script: 'un script',
  text: 'texto',
  binary: 'datos binarios',
  empty: 'nada (el archivo está vacío)',
  ole: 'un documento de Office 97–2003',
  unreadable: 'datos de imagen ilegibles',
}
const nameProblems: Readonly<Record<string, string>> = {
  empty: 'El archivo no tiene nombre',
  'too-long': 'El nombre del archivo es demasiado largo',
  'control-character': 'El nombre del archivo contiene caracteres de control',
  'bidi-control': 'El nombre del archivo contiene caracteres que pueden ocultar su tipo',
  'path-separator': 'El nombre del archivo contiene una barra',
  reserved: 'El nombre del archivo está reservado (`.` y `..` indican carpetas)',
}
const limits: Readonly<Record<string, string>> = {
  width: 'ancho',
  height: 'alto',
  pixels: 'píxeles',
}

/** The widgets' strings in Spanish. */
export const locale: DropzoneLocale = {
  label: 'Subida de archivos',
  dropHere: 'Suelta archivos aquí, pégalos, o',
  chooseFiles: 'Elegir archivos',
  chooseFolder: 'Elegir una carpeta',
  upload: (count) => (count === 1 ? 'Subir 1 archivo' : `Subir ${count} archivos`),
  files: 'Archivos',
  assets: 'Archivos subidos',
  problems: 'Archivos con problemas',
  requiredField: (label) => `${label} (obligatorio)`,
  listPlaceholder: 'Separados por comas',
  status: {
    validating: 'Comprobando',
    queued: 'Listo',
    rejected: 'No permitido',
    uploading: 'Subiendo',
    retrying: 'Reintentando',
    succeeded: 'Subido',
    failed: 'Falló',
    cancelled: 'Cancelado',
  },
  retryingIn: (seconds) =>
    seconds === undefined ? 'Esperando la conexión' : `Nuevo intento en ${time(seconds)}`,
  offline: 'Estás sin conexión. Las subidas seguirán cuando vuelva la conexión.',
  detailsOf: (name) => `Datos de ${name}`,
  progressOf: (name) => `Progreso de la subida de ${name}`,
  totalProgress: 'Progreso total',
  totalValue: (percent, secondsLeft) =>
    secondsLeft === undefined ? `${percent} %` : `${percent} %, quedan unos ${time(secondsLeft)}`,
  remove: (name) => `Quitar ${name}`,
  cancel: (name) => `Cancelar ${name}`,
  retry: (name) => `Reintentar ${name}`,
  removeFailed: 'No se pudo quitar; inténtalo de nuevo',
  required: 'Añade un archivo',
  stillUploading: 'Espera a que terminen de subirse los archivos',
  announce: {
    added: (count) => (count === 1 ? '1 archivo añadido' : `${count} archivos añadidos`),
    rejected: (name, reason) => `${name} no se añadió: ${reason}`,
    failed: (name, reason) => `No se pudo subir ${name}: ${reason}`,
    complete: (uploaded, failed) =>
      uploaded === 0 && failed === 0
        ? 'Subida cancelada'
        : failed === 0
          ? `Subida completa: ${uploaded} subidos`
          : `Subida terminada: ${uploaded} subidos, ${failed} con error`,
  },
}

/** Every message in Spanish. */
export const messages: ErrorMessages = {
  'file-too-large': ({ maxSize }) =>
    maxSize === undefined
      ? 'El archivo es demasiado grande'
      : `El archivo ocupa más de ${bytes(maxSize)}`,
  'file-too-small': ({ minSize }) =>
    minSize === 1 ? 'El archivo está vacío' : `El archivo ocupa menos de ${bytes(minSize)}`,
  'file-type-not-allowed': ({ allowed }) =>
    allowed === undefined
      ? 'Este tipo de archivo no está permitido'
      : `Este tipo de archivo no está permitido (permitidos: ${allowed})`,
  'too-many-files': ({ maxFiles }) =>
    maxFiles === undefined
      ? 'Demasiados archivos'
      : `No se pueden añadir más de ${maxFiles} archivos`,
  'total-too-large': ({ maxTotalSize }) =>
    maxTotalSize === undefined
      ? 'Los archivos son demasiado grandes en conjunto'
      : `Los archivos no pueden superar ${bytes(maxTotalSize)} en total`,
  'content-mismatch': ({ claimed, actual, format }) =>
    claimed === undefined
      ? 'El contenido del archivo no coincide con su nombre o tipo'
      : `El archivo se llama como ${claimed}, pero su contenido es ${contents[String(format)] ?? actual}`,
  'image-too-small': ({ width, height, minWidth, minHeight }) =>
    `La imagen mide ${width}×${height} píxeles; debe medir al menos ${minWidth ?? 1}×${minHeight ?? 1}`,
  'image-too-large': ({ width, height, limitKind, limitValue }) =>
    `La imagen mide ${width}×${height} píxeles, más de lo permitido (${limits[String(limitKind)] ?? ''} ${limitValue ?? ''})`,
  'image-size-unknown': ({ format }) =>
    `El tamaño de esta imagen (${format ?? '?'}) no se puede leer, así que no se puede comprobar`,
  'name-invalid': ({ problem }) =>
    nameProblems[String(problem)] ?? 'Este nombre de archivo no está permitido',
  duplicate: 'Este archivo ya se ha añadido',
  'file-unreadable': 'No se pudo leer el archivo; quizá cambió o se movió después de elegirlo',
  'meta-missing': ({ fields }) =>
    fields === undefined
      ? 'Rellena los campos obligatorios antes de subir'
      : `Rellena ${fields} antes de subir: es obligatorio`,
  'url-invalid': 'Solo se puede importar una dirección web completa (http o https)',
  custom: ({ message }) => (message === undefined ? 'El archivo fue rechazado' : String(message)),
  unauthorized: 'No has iniciado sesión, o se rechazaron las credenciales',
  forbidden: 'No está permitido subir aquí',
  'not-found': 'No se encontró la dirección de subida',
  rejected: 'El servidor rechazó el archivo',
  'signature-mismatch': 'Se rechazó la dirección de subida: su firma no coincide con el archivo',
  'url-expired': 'La dirección de subida caducó',
  'rate-limited': 'Demasiadas subidas a la vez; inténtalo de nuevo en un momento',
  'server-error': 'El servidor no pudo guardar el archivo',
  network: 'La subida no pudo llegar al servidor',
  timeout: 'La subida tardó demasiado',
  aborted: 'La subida se canceló',
  redirected: 'El servidor envió la subida a otro sitio, y eso no se sigue',
  'bad-response': 'No se pudo entender la respuesta del servidor',
  'answer-unrecognized':
    'El servidor recibió el archivo, pero su respuesta no dice qué elemento es; no se vuelve a enviar, para no guardarlo dos veces',
}
