// The Outlook send guard's handler bundle (dist/outlook/commands.js, vite.outlook.config.ts): its
// size raw and gzipped. Classic Outlook on Windows downloads and runs it in a JavaScript-only
// runtime when an invitation is sent, and Microsoft warns that a large bundle hurts there
// (https://learn.microsoft.com/office/dev/add-ins/outlook/troubleshoot-event-based-and-spam-reporting-add-ins).
// Floor: the least any such guard costs, the domain rules it runs (rules 1, 2 and 4, with the
// CPR and sensitive-word detector) behind one associated handler, built the same way.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { defineBenchmark } from './lib/benchmark.mjs';
import { benchResult } from './lib/result.mjs';

/** @param {number} bytes */
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * The same build options as vite.outlook.config.ts, for any entry.
 * @param {string} entry
 * @param {string} outDir
 */
const libBuild = (entry, outDir) =>
  build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2016',
      minify: true,
      lib: { entry, formats: ['iife'], name: 'Bench', fileName: () => 'commands.js' },
    },
  });

/** @param {string} file */
async function sizes(file) {
  const bytes = await readFile(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export default defineBenchmark({
  id: 'outlook-bundle',
  title: 'Outlook send-guard handler bundle size (raw and gzip) vs the domain rules alone',
  async run(ctx) {
    ctx.log('building the handler (vite.outlook.config.ts)');
    const appOut = join(ctx.tmpDir, 'app');
    await build({ configFile: join(ctx.rootDir, 'vite.outlook.config.ts'), root: ctx.rootDir, logLevel: 'warn', build: { outDir: appOut } });
    const app = await sizes(join(appOut, 'commands.js'));

    ctx.log('building the floor (the domain rules behind one handler)');
    /** @param {string} file */
    const rules = (file) => JSON.stringify(join(ctx.rootDir, 'src/domain/rules', file));
    const floorEntry = join(ctx.tmpDir, 'floor-entry.ts');
    await writeFile(
      floorEntry,
      [
        `import { checkCitizenInvited } from ${rules('citizen-invited.ts')};`,
        `import { checkMandatoryAttendance } from ${rules('mandatory-attendance.ts')};`,
        `import { checkCalendarText } from ${rules('sensitive-data.ts')};`,
        'declare const Office: { actions: { associate(id: string, f: (e: { completed(o: unknown): void }) => void): void } };',
        "Office.actions.associate('onAppointmentSendHandler', (e) => e.completed({ allowEvent: [",
        "  checkCitizenInvited({ mode: 'in-person' }, []), checkMandatoryAttendance([], []), checkCalendarText({ subject: '', body: '', location: null }),",
        '].every((r) => r.ok) }));',
        '',
      ].join('\n'),
    );
    const floorOut = join(ctx.tmpDir, 'floor');
    await libBuild(floorEntry, floorOut);
    const floor = await sizes(join(floorOut, 'commands.js'));
    ctx.log(`handler ${kib(app.gzip)} gzip / ${kib(app.raw)} raw; floor ${kib(floor.gzip)} gzip / ${kib(floor.raw)} raw`);

    const notes =
      'dist/outlook/commands.js as vite.outlook.config.ts builds it (one IIFE, ES2016, minified), gzip -9. ' +
      'Floor: the same build of an entry that only runs checkCitizenInvited, checkMandatoryAttendance and ' +
      'checkCalendarText behind Office.actions.associate; the difference is the payload schema (zod/mini), ' +
      'the Office.js adapter and the messages.';
    return [
      benchResult({ name: 'outlook-handler-js-gzip', unit: 'bytes', value: app.gzip, floor: floor.gzip, notes }),
      benchResult({ name: 'outlook-handler-js-raw', unit: 'bytes', value: app.raw, floor: floor.raw, notes }),
    ];
  },
});
