// The core journeys (journeys.mjs) in firefox (drivers.mjs says how it is driven).
// Run after `trunk build --release`: node --test tests/engines/firefox.test.mjs
import { journeys } from './journeys.mjs';

journeys('firefox');
