import { browser } from '#imports';
import type { SendMessage } from './messages';

export const sendToBackground: SendMessage = (request) => browser.runtime.sendMessage(request);
