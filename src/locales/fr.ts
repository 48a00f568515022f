/** French: every string the widgets show or announce, and every message, in French. */
import { formatBytes } from '../core/format'
import type { ErrorMessages, MessageParams } from '../core/messages'
import type { DropzoneLocale } from '../react/locale'

const bytes = (value: MessageParams[string] | undefined) =>
  typeof value === 'number' ? formatBytes(value, 'fr') : String(value)
const time = (seconds: number) => (seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`)
const contents: Readonly<Record<string, string>> = {
  executable: 'un programme',
  script: 'un script',
  text: 'du texte',
  binary: 'des données binaires',
  empty: 'rien (le fichier est vide)',
  ole: 'un document Office 97–2003',
  unreadable: 'des données d’image illisibles',
}
const nameProblems: Readonly<Record<string, string>> = {
  empty: 'Le fichier n’a pas de nom',
  'too-long': 'Le nom du fichier est trop long',
  'control-character': 'Le nom du fichier contient des caractères de contrôle',
  'bidi-control': 'Le nom du fichier contient des caractères qui peuvent masquer son type',
  'path-separator': 'Le nom du fichier contient une barre oblique',
  reserved: 'Le nom du fichier est réservé (`.` et `..` désignent des dossiers)',
}
const limits: Readonly<Record<string, string>> = {
  width: 'largeur',
  height: 'hauteur',
  pixels: 'pixels',
}

/** The widgets' strings in French. */
export const locale: DropzoneLocale = {
  label: 'Envoi de fichiers',
  dropHere: 'Déposez des fichiers ici, collez-les, ou',
  chooseFiles: 'Choisir des fichiers',
  chooseFolder: 'Choisir un dossier',
  upload: (count) => (count === 1 ? 'Envoyer 1 fichier' : `Envoyer ${count} fichiers`),
  files: 'Fichiers',
  assets: 'Fichiers envoyés',
  problems: 'Fichiers en erreur',
  requiredField: (label) => `${label} (obligatoire)`,
  listPlaceholder: 'Séparés par des virgules',
  status: {
    validating: 'Vérification',
    queued: 'Prêt',
    rejected: 'Refusé',
    uploading: 'Envoi en cours',
    retrying: 'Nouvel essai',
    succeeded: 'Envoyé',
    failed: 'Échec',
    cancelled: 'Annulé',
  },
  retryingIn: (seconds) =>
    seconds === undefined ? 'En attente de la connexion' : `Nouvel essai dans ${time(seconds)}`,
  offline: 'Vous êtes hors ligne. Les envois reprendront au retour de la connexion.',
  detailsOf: (name) => `Détails de ${name}`,
  progressOf: (name) => `Progression de l’envoi de ${name}`,
  totalProgress: 'Progression totale',
  totalValue: (percent, secondsLeft) =>
    secondsLeft === undefined
      ? `${percent} %`
      : `${percent} %, encore environ ${time(secondsLeft)}`,
  remove: (name) => `Retirer ${name}`,
  cancel: (name) => `Annuler ${name}`,
  retry: (name) => `Réessayer ${name}`,
  removeFailed: 'Impossible de le retirer ; réessayez',
  required: 'Ajoutez un fichier',
  stillUploading: 'Attendez la fin de l’envoi des fichiers',
  announce: {
    added: (count) => (count === 1 ? '1 fichier ajouté' : `${count} fichiers ajoutés`),
    rejected: (name, reason) => `${name} n’a pas été ajouté : ${reason}`,
    failed: (name, reason) => `L’envoi de ${name} a échoué : ${reason}`,
    complete: (uploaded, failed) =>
      uploaded === 0 && failed === 0
        ? 'Envoi annulé'
        : failed === 0
          ? `Envoi terminé : ${uploaded} envoyé(s)`
          : `Envoi terminé : ${uploaded} envoyé(s), ${failed} en échec`,
  },
}

/** Every message in French. */
export const messages: ErrorMessages = {
  'file-too-large': ({ maxSize }) =>
    maxSize === undefined
      ? 'Le fichier est trop volumineux'
      : `Le fichier dépasse ${bytes(maxSize)}`,
  'file-too-small': ({ minSize }) =>
    minSize === 1 ? 'Le fichier est vide' : `Le fichier fait moins de ${bytes(minSize)}`,
  'file-type-not-allowed': ({ allowed }) =>
    allowed === undefined
      ? 'Ce type de fichier n’est pas accepté'
      : `Ce type de fichier n’est pas accepté (acceptés : ${allowed})`,
  'too-many-files': ({ maxFiles }) =>
    maxFiles === undefined
      ? 'Trop de fichiers'
      : `Vous ne pouvez pas ajouter plus de ${maxFiles} fichiers`,
  'total-too-large': ({ maxTotalSize }) =>
    maxTotalSize === undefined
      ? 'Les fichiers sont trop volumineux ensemble'
      : `Les fichiers ne peuvent pas dépasser ${bytes(maxTotalSize)} au total`,
  'content-mismatch': ({ claimed, actual, format }) =>
    claimed === undefined
      ? 'Le contenu du fichier ne correspond pas à son nom ou à son type'
      : `Le fichier est nommé comme ${claimed}, mais son contenu est ${contents[String(format)] ?? actual}`,
  'image-too-small': ({ width, height, minWidth, minHeight }) =>
    `L’image fait ${width}×${height} pixels ; il en faut au moins ${minWidth ?? 1}×${minHeight ?? 1}`,
  'image-too-large': ({ width, height, limitKind, limitValue }) =>
    `L’image fait ${width}×${height} pixels, plus que permis (${limits[String(limitKind)] ?? ''} ${limitValue ?? ''})`,
  'image-size-unknown': ({ format }) =>
    `La taille de cette image (${format ?? '?'}) est illisible et ne peut donc pas être vérifiée`,
  'name-invalid': ({ problem }) =>
    nameProblems[String(problem)] ?? 'Ce nom de fichier n’est pas accepté',
  duplicate: 'Ce fichier a déjà été ajouté',
  'file-unreadable':
    'Le fichier n’a pas pu être lu ; il a peut-être été modifié ou déplacé depuis qu’il a été choisi',
  'meta-missing': ({ fields }) =>
    fields === undefined
      ? 'Remplissez les champs obligatoires avant l’envoi'
      : `Remplissez ${fields} avant l’envoi : ce champ est obligatoire`,
  'url-invalid': 'Seule une adresse web complète (http ou https) peut être importée',
  custom: ({ message }) => (message === undefined ? 'Le fichier a été refusé' : String(message)),
  unauthorized: 'Non connecté, ou les identifiants ont été refusés',
  forbidden: 'L’envoi n’est pas autorisé ici',
  'not-found': 'L’adresse d’envoi est introuvable',
  rejected: 'Le serveur a refusé le fichier',
  'signature-mismatch':
    'L’adresse d’envoi a été refusée : sa signature ne correspond pas au fichier',
  'url-expired': 'L’adresse d’envoi a expiré',
  'rate-limited': 'Trop d’envois à la fois ; réessayez dans un instant',
  'server-error': 'Le serveur n’a pas pu enregistrer le fichier',
  network: 'L’envoi n’a pas pu joindre le serveur',
  timeout: 'L’envoi a pris trop de temps',
  aborted: 'L’envoi a été annulé',
  redirected: 'Le serveur a redirigé l’envoi vers un autre site, ce qui n’est pas suivi',
  'bad-response': 'La réponse du serveur est incompréhensible',
  'answer-unrecognized':
    'Le serveur a reçu le fichier, mais sa réponse ne dit pas de quel élément il s’agit ; il n’est pas renvoyé, pour ne pas l’enregistrer deux fois',
}
