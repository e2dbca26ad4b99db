import { describe, expect, it } from 'vitest';
import type { DuplicateDocument } from '../model/duplicate.js';
import { buildTestDuplicateDocument as doc } from '../../../test/support/build-test-duplicate-document.js';
import { findStrongMatches } from '../../../test/support/find-strong-matches.js';
import { findBugClasses } from './find-bug-classes.js';
import { guessProseLanguage } from './guess-prose-language.js';

const pkg = (versions: string[]) => [{ ecosystem: '', name: 'tinyzip', versions }];

const asanWrite = (frame: string) =>
  [
    '==12==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6030 at pc 0x1 bp 0x2 sp 0x3',
    'WRITE of size 4 at 0x6030 thread T0',
    `    #0 0x4f in ${frame}`,
  ].join('\n');

const original = doc('first', {
  title: 'Heap buffer overflow in `zip_inflate_block()` on a stored block longer than the window',
  text: `In tinyzip 3.2.1 zip_inflate_block() copies a stored block into the window without checking its length against the space left. The file lib/inflate.c is where the copy happens; a crafted archive writes past the end of the heap buffer.\n\n${asanWrite('zip_inflate_block lib/inflate.c:211')}`,
  packages: pkg(['3.2.1']),
  paths: ['lib/inflate.c'],
  functions: ['zip_inflate_block'],
});

// Background: other bugs of the same product, so the package alone decides nothing.
const background: DuplicateDocument[] = [
  doc('bg-1', {
    title: 'Endless loop in the central directory reader',
    text: 'A directory entry that points at itself makes the reader loop forever in tinyzip 3.1.0.',
    packages: pkg(['3.1.0']),
  }),
  doc('bg-2', {
    title: 'Path traversal in extraction',
    text: 'Entries named ../x are written outside the target folder.',
    packages: pkg(['3.0.2']),
  }),
];

function strongMatches(query: DuplicateDocument): string[] {
  return findStrongMatches([original, ...background], query);
}

describe('a second finder writing in another language', () => {
  it('matches a French report without a file name when function, crash kind and version agree', () => {
    const french = doc('fr', {
      title: 'Dépassement de tampon dans zip_inflate_block()',
      text: `Bonjour, avec la version 3.2.1 de tinyzip, la fonction zip_inflate_block() écrit au-delà de la fin du tampon quand une archive contient un bloc stocké trop long. Le programme plante avec la trace suivante, que nous avons obtenue avec une archive de test. Nous pensons que le contrôle de la longueur manque dans cette fonction.\n\n${asanWrite('zip_inflate_block')}`,
      packages: pkg(['3.2.1']),
      functions: ['zip_inflate_block'],
    });
    expect(strongMatches(french)).toEqual(['first']);
  });

  // The rule that needs no shared words (3i): without it this German report is not matched.
  it('matches a German report whose title names the kind and the function, without a trace', () => {
    const german = doc('de', {
      title: 'Pufferüberlauf in zip_inflate_block()',
      text: 'In tinyzip 3.2.1 schreibt die Funktion zip_inflate_block() über das Ende des Puffers, wenn ein gespeicherter Block länger ist als der Platz im Fenster. Das ist mit einem präparierten Archiv leicht auszulösen, und der Prozess stürzt ab. Die Prüfung der Länge fehlt in der Funktion, die den Block in das Fenster kopiert.',
      packages: pkg(['3.2.1']),
      functions: ['zip_inflate_block'],
    });
    expect(strongMatches(german)).toEqual(['first']);
  });

  it('does not match strongly a Spanish report of another crash in the same file', () => {
    const spanish = doc('es', {
      title: 'Uso después de liberar en zip_close_entry()',
      text: `En tinyzip 3.2.1 la función zip_close_entry() de lib/inflate.c usa la entrada después de liberarla cuando el archivo está truncado. El proceso falla con esta traza y se puede provocar con un archivo preparado por el atacante para que la lectura del bloque termine antes de tiempo.\n\n==12==ERROR: AddressSanitizer: heap-use-after-free on address 0x6030 at pc 0x1 bp 0x2 sp 0x3\n    #0 0x4f in zip_close_entry lib/inflate.c:388`,
      packages: pkg(['3.2.1']),
      paths: ['lib/inflate.c'],
      functions: ['zip_close_entry'],
    });
    expect(strongMatches(spanish)).toEqual([]);
  });

  it('does not match a French report of another kind of bug in the same function', () => {
    const otherKind = doc('fr-3', {
      title: 'Boucle infinie dans zip_inflate_block()',
      text: 'Avec la version 3.2.1 de tinyzip, la fonction zip_inflate_block() ne termine jamais pour une archive dont le bloc a une longueur nulle, et le processus consomme tout le processeur. Nous pensons que la condition de sortie de la boucle est fausse dans cette fonction.',
      packages: pkg(['3.2.1']),
      functions: ['zip_inflate_block'],
    });
    expect(strongMatches(otherKind)).toEqual([]);
  });
});

describe('guessProseLanguage and the kinds of bug in other languages', () => {
  it('tells French, German, Spanish and English prose apart, and says nothing of a short text', () => {
    expect(
      guessProseLanguage(
        'Le programme plante dans la fonction avec une archive qui est dans le dossier pour les tests et des fichiers du projet.',
      ),
    ).toBe('fr');
    expect(
      guessProseLanguage(
        'Der Prozess stürzt ab, wenn die Funktion mit einem Archiv aufgerufen wird, das nicht auf der Liste ist und die Länge den Puffer überschreitet.',
      ),
    ).toBe('de');
    expect(
      guessProseLanguage(
        'El proceso falla con la entrada que se libera antes, y los datos del archivo para esta prueba son los que el atacante prepara con una herramienta.',
      ),
    ).toBe('es');
    expect(
      guessProseLanguage(
        'The function writes past the end of the buffer when it is given an archive with a block that is too long, and this crashes the process.',
      ),
    ).toBe('en');
    expect(guessProseLanguage('zip_inflate_block() crash')).toBeNull();
  });

  it('reads the kind of bug from a French, German or Spanish title', () => {
    expect(findBugClasses('Dépassement de tampon dans f()', '')).toEqual(['bounds']);
    expect(findBugClasses('Lecture hors limites dans f()', '')).toEqual(['bounds']);
    expect(findBugClasses('Use-after-free: doppelte Freigabe in f()', '')).toContain('lifetime');
    expect(findBugClasses('Récursion infinie dans f()', '')).toEqual(['recursion']);
    expect(findBugClasses('Desbordamiento de entero en f()', '')).toEqual(['integer']);
    expect(findBugClasses('Mise à jour de la documentation', '')).toEqual([]);
  });
});
