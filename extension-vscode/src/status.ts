/** One status bar item: whether the language server runs; a click shows its output. */
import { StatusBarAlignment, ThemeColor, window, type Disposable } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

export function createStatusItem(client: LanguageClient): Disposable {
  const item = window.createStatusBarItem('wheelhouse.status', StatusBarAlignment.Right, 100);
  item.name = 'Wheelhouse';
  item.command = 'wheelhouse.showOutput';
  const render = (state: State): void => {
    if (state === State.Running) {
      item.text = '$(check) Wheelhouse';
      item.tooltip = 'Wheelhouse language server is running. Click for its output.';
      item.backgroundColor = undefined;
    } else if (state === State.Starting) {
      item.text = '$(sync~spin) Wheelhouse';
      item.tooltip = 'Wheelhouse language server is starting.';
      item.backgroundColor = undefined;
    } else {
      item.text = '$(error) Wheelhouse';
      item.tooltip =
        'Wheelhouse language server is stopped. Click for its output; run "Wheelhouse: Restart Language Server" to start it again.';
      item.backgroundColor = new ThemeColor('statusBarItem.errorBackground');
    }
  };
  render(client.state);
  const subscription = client.onDidChangeState((event) => render(event.newState));
  item.show();
  return { dispose: () => (subscription.dispose(), item.dispose()) };
}
