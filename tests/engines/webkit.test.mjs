// The core journeys (journeys.mjs) in webkit (drivers.mjs says how it is driven).
// Run after `trunk build --release`: node --test tests/engines/webkit.test.mjs
import { journeys } from './journeys.mjs';

journeys('webkit');
