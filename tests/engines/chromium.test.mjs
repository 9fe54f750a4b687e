// The core journeys (journeys.mjs) in chromium (drivers.mjs says how it is driven).
// Run after `trunk build --release`: node --test tests/engines/chromium.test.mjs
import { journeys } from './journeys.mjs';

journeys('chromium');
