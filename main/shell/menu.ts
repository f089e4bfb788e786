import { Menu, shell, type MenuItemConstructorOptions } from 'electron';

/**
 * A small menu: Edit roles make copy and paste work (and need no clipboard
 * permission), View zooms, Help opens the log folder for a support request.
 */
export function installAppMenu(options: {
  logDir: string;
  devTools: boolean;
  onError: (error: unknown) => void;
}): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.devTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'Open log folder',
          click: () => {
            shell.openPath(options.logDir).then((failure) => {
              if (failure) options.onError(new Error(failure));
            }, options.onError);
          },
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
