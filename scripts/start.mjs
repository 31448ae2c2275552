// `npm start`: the desktop app where an Electron binary exists or can be downloaded; otherwise the
// same app in the browser through the bridge, saying so and printing the address.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electronBinary.mjs';

const args = process.argv.slice(2);
let electron = electronBinary();
if (electron === null && !process.env.MINUTE_BOOK_BROWSER) {
  console.log('Minute Book: fetching the Electron binary (npm installs it without its download)…');
  const fetched = spawnSync(process.execPath, ['node_modules/electron/install.js'], { encoding: 'utf8', timeout: 180_000 });
  if (fetched.status === 0) electron = electronBinary();
  else {
    const reason = `${fetched.stderr ?? ''}`.split('\n').find((line) => /error/i.test(line)) ?? 'the download failed';
    console.log(`Minute Book: could not fetch Electron (${reason.trim()}).`);
  }
}

if (electron !== null && !process.env.MINUTE_BOOK_BROWSER) {
  const child = spawn(electron, ['.', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'Minute Book: no Electron binary on this machine, so the desktop window cannot open.\n' +
      'Starting the browser bridge instead: open the address below in Chromium or any browser.',
  );
  const child = spawn(process.execPath, ['dist/bridge/server.mjs', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
