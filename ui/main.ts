import { SidebarApp } from './app.js';
import { mineSection } from './sections/mine.js';
import { ownersSection } from './sections/owners.js';
import { poolSection } from './sections/pool.js';
import { scheduleSection } from './sections/schedule.js';
import { scoreSection } from './sections/score.js';
import { settingsSection } from './sections/settings.js';
import { weightsSection } from './sections/weights.js';

const root = document.getElementById('app');
if (root) {
  const app = new SidebarApp(root, [scoreSection, weightsSection, ownersSection, poolSection, mineSection, scheduleSection, settingsSection], navigator.languages ?? [navigator.language]);
  void app.start();
}
