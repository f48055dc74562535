import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPlausibleProfileName, MAX_PROFILE_NAME, ProfileConsents } from '../../src/core/logs/profileConsent';

test('a URI without a profile, or naming the current one, is read as the current profile', () => {
  const consents = new ProfileConsents();
  assert.equal(consents.decide(undefined, 'prod'), 'current');
  assert.equal(consents.decide('  ', 'prod'), 'current');
  assert.equal(consents.decide('prod', 'prod'), 'current');
  assert.equal(consents.decide(' prod ', 'prod'), 'current');
  assert.equal(consents.decide(undefined, undefined), 'current');
});

test('another profile is asked about first — also "default" when the default credential chain is current', () => {
  const consents = new ProfileConsents();
  assert.equal(consents.decide('audit', 'prod'), 'ask');
  assert.equal(consents.decide('default', undefined), 'ask');
  assert.equal(consents.decide('prod', undefined), 'ask');
});

test('an answer is remembered per profile: approved reads, declined refuses without asking again', () => {
  const consents = new ProfileConsents();
  consents.approve('audit');
  consents.decline('other');
  assert.equal(consents.decide('audit', 'prod'), 'approved');
  assert.equal(consents.decide('other', 'prod'), 'declined');
  assert.equal(consents.decide('third', 'prod'), 'ask', 'one answer is for one profile only');
  // Switching to a declined profile approves it; a later decline does not undo an approval.
  consents.approve('other');
  consents.decline('other');
  assert.equal(consents.decide('other', 'prod'), 'approved');
});

test('names that are no profile names are refused, never asked about', () => {
  const consents = new ProfileConsents();
  for (const name of ['a\nb', 'x\u202eevil', 'esc\u001b[2J', 'c1\u009b', 'z'.repeat(MAX_PROFILE_NAME + 1), 'lone\ud800']) {
    assert.equal(isPlausibleProfileName(name), false, JSON.stringify(name));
    assert.equal(consents.decide(name, 'prod'), 'invalid', JSON.stringify(name));
    consents.approve(name);
    assert.equal(consents.decide(name, 'prod'), 'invalid', 'approving an implausible name does nothing');
  }
  assert.equal(isPlausibleProfileName('sso-admin@corp.example_1+2'), true);
  assert.equal(isPlausibleProfileName('z'.repeat(MAX_PROFILE_NAME)), true);
});

test('declined profiles are bounded: the oldest is forgotten (asked again), the newest remembered', () => {
  const consents = new ProfileConsents();
  for (let i = 0; i < 10_000; i++) consents.decline(`p${i}`);
  assert.equal(consents.decide('p0', 'prod'), 'ask');
  assert.equal(consents.decide('p9999', 'prod'), 'declined');
});
