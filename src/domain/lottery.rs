//! The seat lottery of a cohort intake: when an intake has more applications than seats,
//! a draw orders them, the first ones get the seats and the others wait in that order.
//! Anyone can redo the draw from what is published (the ids in the draw, the closing date,
//! the seed and the order) and check it; these are its rules, in words.
//!
//! 1. **The applications.** The draw takes the ids of the applications in it, once each
//!    (an id given twice counts once), sorted ascending.
//! 2. **The seed.** Write those ids in decimal (a minus sign before a negative one), join
//!    them with `,`, then add `|` and the intake's closing date as `YYYY-MM-DD`. The seed
//!    is the SHA-256 of that text in UTF-8; it is published as 64 lowercase hexadecimal
//!    characters. Ids 12, 3 and 7 closing on 15 January 2027 give the text
//!    `3,7,12|2027-01-15`, whose SHA-256 is
//!    `52d736aa75f0a3307d7fad4c66e775e86863aac0a5048f0b6cf0d17ea2fd5036`.
//! 3. **The random numbers.** The seed's 32 bytes are the key of the ChaCha20 stream
//!    cipher: 20 rounds, block counter and nonce starting at zero, as
//!    `rand_chacha::ChaCha20Rng::from_seed` does (the RFC 8439 variant with an all-zero
//!    nonce gives the same bytes, as far as any draw reads). Its keystream (what it gives
//!    when encrypting bytes that are all 0) is read 8 bytes at a time, each as an
//!    unsigned 64-bit number in little-endian order. The numbers are used in turn, each
//!    once, for the whole draw.
//! 4. **A number from 0 to i.** With `bound = i + 1`, numbers are taken from the stream
//!    until one is below the largest multiple of `bound` that is at most 2^64, that is
//!    below `2^64 - (2^64 mod bound)`; the others are dropped. The result is that number
//!    modulo `bound`. Every result from 0 to i is then exactly as likely as the others.
//! 5. **The shuffle.** Start from the ids sorted ascending, at positions 0 to n-1. For
//!    `i` from n-1 down to 1, take a number `j` from 0 to i as above and swap the ids at
//!    positions `i` and `j` (nothing moves when they are equal). This is the
//!    Fisher–Yates shuffle: every order of the ids is equally likely.
//! 6. **Priority.** With [`Priority::FirstTime`], the applicants who did not complete a
//!    program in the last 12 months come first and those who did come after, each group
//!    in the order of the shuffle; with [`Priority::None`] the shuffle's order stands.
//! 7. **The result.** With `seats` seats, the first `seats` ids of that order get a
//!    place; the others are the waiting list, in that order.
//!
//! The draw is verifiable, not secret: whoever knows the ids and the closing date can
//! compute it. Nothing here reads a clock, a random source of the machine or a database.

use std::collections::HashSet;
use std::fmt;

use chrono::NaiveDate;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;
use sha2::{Digest, Sha256};

use super::DrawPriority;

/// The 32 bytes every number of a draw comes from: the SHA-256 of the sorted ids and the
/// closing date (rule 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DrawSeed([u8; 32]);

impl DrawSeed {
    /// The seed of a draw of `application_ids` (in any order, duplicates counted once)
    /// for an intake closing on `closes_on`.
    pub fn of(application_ids: &[i32], closes_on: NaiveDate) -> DrawSeed {
        DrawSeed::of_sorted(&sorted_unique(application_ids), closes_on)
    }

    fn of_sorted(ids: &[i32], closes_on: NaiveDate) -> DrawSeed {
        DrawSeed(Sha256::digest(seed_text(ids, closes_on).as_bytes()).into())
    }

    /// The seed as published: 64 lowercase hexadecimal characters.
    pub fn to_hex(&self) -> String {
        self.0.iter().map(|byte| format!("{byte:02x}")).collect()
    }

    /// The seed written as 64 hexadecimal characters (upper or lower case, spaces around
    /// ignored); none when the text is anything else.
    pub fn from_hex(text: &str) -> Option<DrawSeed> {
        let digits: Vec<u8> =
            text.trim().chars().map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok())).collect::<Option<_>>()?;
        if digits.len() != 64 {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
            *byte = pair[0] * 16 + pair[1];
        }
        Some(DrawSeed(bytes))
    }
}

impl fmt::Display for DrawSeed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

/// The ids once each, ascending (rule 1).
fn sorted_unique(application_ids: &[i32]) -> Vec<i32> {
    let mut ids = application_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The text the seed is the SHA-256 of: "3,7,12|2027-01-15" (rule 2).
fn seed_text(sorted_ids: &[i32], closes_on: NaiveDate) -> String {
    let ids: Vec<String> = sorted_ids.iter().map(i32::to_string).collect();
    format!("{}|{}", ids.join(","), closes_on.format("%Y-%m-%d"))
}

/// The largest number a draw below `bound` keeps (rule 4): the numbers from 0 to it are
/// a whole multiple of `bound` in count, `2^64 - (2^64 mod bound)`, and as many as fit.
/// `bound` must be at least 1.
fn largest_kept(bound: u64) -> u64 {
    // 2^64 mod bound, computed without 2^64: u64::MAX is 2^64 - 1. The sum cannot
    // overflow, being at most bound.
    let dropped = (u64::MAX % bound + 1) % bound;
    u64::MAX - dropped
}

/// A number from 0 to `bound - 1`, each equally likely, from the numbers `next` gives
/// (rule 4). `bound` must be at least 1.
fn uniform_below(bound: u64, next: &mut impl FnMut() -> u64) -> u64 {
    let largest = largest_kept(bound);
    loop {
        let value = next();
        if value <= largest {
            return value % bound;
        }
    }
}

/// Shuffles `ids` in place with the random numbers of `seed` (rules 3 to 5).
fn shuffle(ids: &mut [i32], seed: DrawSeed) {
    let mut rng = ChaCha20Rng::from_seed(seed.0);
    let mut next = || rng.next_u64();
    for i in (1..ids.len()).rev() {
        let j = uniform_below(i as u64 + 1, &mut next);
        // j <= i, so it fits a position.
        ids.swap(i, j as usize);
    }
}

/// Who goes first, after the shuffle (rule 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Priority {
    /// The shuffle's order stands.
    #[default]
    None,
    /// Applicants who did not complete a program in the last 12 months first, then those
    /// who did; each group in the shuffle's order.
    FirstTime,
}

impl From<DrawPriority> for Priority {
    fn from(stored: DrawPriority) -> Priority {
        match stored {
            DrawPriority::None => Priority::None,
            DrawPriority::FirstTime => Priority::FirstTime,
        }
    }
}

/// The outcome of a draw: its seed, every application in the order drawn (after the
/// priority), and the seats that order fills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draw {
    pub seed: DrawSeed,
    /// The application ids, once each, in the order drawn after the priority.
    pub order: Vec<i32>,
    pub seats: usize,
}

impl Draw {
    /// The applications that get a place: the first `seats` of the order (all of them
    /// when there are no more than seats).
    pub fn places(&self) -> &[i32] {
        &self.order[..self.seats.min(self.order.len())]
    }

    /// The waiting list: the applications after the first `seats`, in order.
    pub fn waitlist(&self) -> &[i32] {
        &self.order[self.seats.min(self.order.len())..]
    }
}

/// Draws `seats` places among `application_ids` (duplicates counted once) for an intake
/// closing on `closes_on`. `recent_completers` are the applications whose applicant
/// completed a program in the last 12 months; only [`Priority::FirstTime`] looks at them.
pub fn draw(
    application_ids: &[i32],
    closes_on: NaiveDate,
    seats: usize,
    recent_completers: &[i32],
    priority: Priority,
) -> Draw {
    let mut order = sorted_unique(application_ids);
    let seed = DrawSeed::of_sorted(&order, closes_on);
    shuffle(&mut order, seed);
    if priority == Priority::FirstTime {
        let recent: HashSet<i32> = recent_completers.iter().copied().collect();
        let (first_timers, completers): (Vec<i32>, Vec<i32>) = order.into_iter().partition(|id| !recent.contains(id));
        order = first_timers;
        order.extend(completers);
    }
    Draw { seed, order, seats }
}

/// What checking a published draw found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// The published seed and order are those the rules give.
    Matches,
    /// The published seed (as published) is not the one the ids and closing date give.
    SeedDiffers { published: String, computed: DrawSeed },
    /// The seed is right but the order is not: the first position (counted from 1) where
    /// they differ, and the application at it on each side (none past the end of a list).
    OrderDiffers { position: usize, published: Option<i32>, computed: Option<i32> },
}

impl Verification {
    /// One line in plain English: "matches", "the seed differs: published …, computed …",
    /// "position 3 differs: published application 17, computed application 12".
    pub fn describe(&self) -> String {
        match self {
            Verification::Matches => "matches".to_owned(),
            Verification::SeedDiffers { published, computed } => {
                format!("the seed differs: published {}, computed {computed}", published.trim())
            }
            Verification::OrderDiffers { position, published, computed } => {
                let application = |id: &Option<i32>| match id {
                    Some(id) => format!("application {id}"),
                    None => "no application".to_owned(),
                };
                format!(
                    "position {position} differs: published {}, computed {}",
                    application(published),
                    application(computed)
                )
            }
        }
    }
}

/// Redoes the draw from the ids, closing date, seats, recent completers and priority, and
/// sets it against the published seed and order: the seed first, then the order position
/// by position (a list longer than the other differs where the shorter one ends).
pub fn verify(
    published_seed_hex: &str,
    published_order: &[i32],
    application_ids: &[i32],
    closes_on: NaiveDate,
    seats: usize,
    recent_completers: &[i32],
    priority: Priority,
) -> Verification {
    let computed = draw(application_ids, closes_on, seats, recent_completers, priority);
    if DrawSeed::from_hex(published_seed_hex) != Some(computed.seed) {
        return Verification::SeedDiffers { published: published_seed_hex.to_owned(), computed: computed.seed };
    }
    let longest = published_order.len().max(computed.order.len());
    for index in 0..longest {
        let (published, computed) = (published_order.get(index).copied(), computed.order.get(index).copied());
        if published != computed {
            return Verification::OrderDiffers { position: index + 1, published, computed };
        }
    }
    Verification::Matches
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// `printf '3,7,12|2027-01-15' | sha256sum`
    const EXAMPLE_SEED: &str = "52d736aa75f0a3307d7fad4c66e775e86863aac0a5048f0b6cf0d17ea2fd5036";

    #[test]
    fn the_seed_is_the_sha256_of_the_sorted_ids_and_the_closing_date() {
        assert_eq!(seed_text(&[3, 7, 12], day(2027, 1, 15)), "3,7,12|2027-01-15");
        let seed = DrawSeed::of(&[12, 3, 7], day(2027, 1, 15));
        assert_eq!(seed.to_hex(), EXAMPLE_SEED);
        assert_eq!(seed.to_string(), EXAMPLE_SEED);
        // The order the ids come in, and an id given twice, make no difference.
        assert_eq!(DrawSeed::of(&[7, 12, 3], day(2027, 1, 15)), seed);
        assert_eq!(DrawSeed::of(&[3, 12, 7, 3, 12], day(2027, 1, 15)), seed);
        assert_ne!(DrawSeed::of(&[3, 7, 12], day(2027, 1, 16)), seed);
        assert_ne!(DrawSeed::of(&[3, 7, 13], day(2027, 1, 15)), seed);
        // Ten sorts before 9 as text but not as a number.
        assert_eq!(seed_text(&sorted_unique(&[10, 9, 100]), day(2027, 1, 5)), "9,10,100|2027-01-05");
    }

    #[test]
    fn a_seed_reads_back_from_its_hex_and_nothing_else() {
        let seed = DrawSeed::of(&[1, 2, 3], day(2027, 1, 15));
        assert_eq!(DrawSeed::from_hex(&seed.to_hex()), Some(seed));
        assert_eq!(DrawSeed::from_hex(&format!(" {} ", seed.to_hex().to_uppercase())), Some(seed));
        assert_eq!(DrawSeed::from_hex(""), None);
        assert_eq!(DrawSeed::from_hex(&EXAMPLE_SEED[..63]), None);
        assert_eq!(DrawSeed::from_hex(&format!("{EXAMPLE_SEED}0")), None);
        assert_eq!(DrawSeed::from_hex(&format!("g{}", &EXAMPLE_SEED[1..])), None);
        assert_eq!(DrawSeed::from_hex(&format!("+{}", &EXAMPLE_SEED[1..])), None);
        assert_eq!(DrawSeed::from_hex(&format!("é{}", &EXAMPLE_SEED[2..])), None);
    }

    #[test]
    fn the_random_numbers_are_the_chacha20_keystream_read_little_endian() {
        // The first keystream block of ChaCha20 with an all-zero key and nonce (RFC 8439,
        // appendix A.1, test vector 1) begins 76 b8 e0 ad a0 f1 3d 90 40 5d 6a e5 53 86 bd 28.
        let mut rng = ChaCha20Rng::from_seed([0; 32]);
        assert_eq!(rng.next_u64(), u64::from_le_bytes([0x76, 0xb8, 0xe0, 0xad, 0xa0, 0xf1, 0x3d, 0x90]));
        assert_eq!(rng.next_u64(), u64::from_le_bytes([0x40, 0x5d, 0x6a, 0xe5, 0x53, 0x86, 0xbd, 0x28]));
    }

    #[test]
    fn a_number_below_a_bound_drops_only_the_incomplete_last_round() {
        // 2^64 = 3 × 6148914691236517205 + 1: the one number left over, u64::MAX, is dropped.
        assert_eq!(u64::MAX % 3, 0);
        assert_eq!(largest_kept(3), u64::MAX - 1);
        // A power of two divides 2^64: nothing is dropped.
        assert_eq!(largest_kept(1), u64::MAX);
        assert_eq!(largest_kept(2), u64::MAX);
        assert_eq!(largest_kept(1 << 63), u64::MAX);
        // 2^64 mod 6 is 4, mod 50 is 16, mod 2^63 + 1 is 2^63 - 1, mod 2^64 - 1 is 1.
        assert_eq!(largest_kept(6), u64::MAX - 4);
        assert_eq!(largest_kept(50), u64::MAX - 16);
        assert_eq!(largest_kept((1 << 63) + 1), u64::MAX - ((1 << 63) - 1));
        assert_eq!(largest_kept(u64::MAX), u64::MAX - 1);
        // For every bound, the numbers kept are a whole number of rounds, and as many as fit.
        for bound in [1, 2, 3, 5, 6, 7, 10, 49, 50, 1000, 1 << 32, (1 << 32) + 1, (1 << 63) + 1, u64::MAX - 1, u64::MAX]
        {
            let kept = u128::from(largest_kept(bound)) + 1;
            assert_eq!(kept % u128::from(bound), 0, "bound {bound}");
            assert!((1u128 << 64) - kept < u128::from(bound), "bound {bound}");
        }

        // The dropped numbers are skipped, the kept ones taken modulo the bound.
        let mut numbers = [u64::MAX, u64::MAX, 5, 9].into_iter();
        let mut next = || numbers.next().unwrap();
        assert_eq!(uniform_below(3, &mut next), 2);
        assert_eq!(uniform_below(3, &mut next), 0);
        let mut numbers = [u64::MAX - 1, u64::MAX].into_iter();
        let mut next = || numbers.next().unwrap();
        assert_eq!(uniform_below(3, &mut next), 2);
        assert_eq!(uniform_below(2, &mut next), 1);
    }

    #[test]
    fn the_draw_is_a_repeatable_order_of_the_applications() {
        let ids: Vec<i32> = (1..=40).map(|n| n * 7 % 101).collect();
        let first = draw(&ids, day(2027, 1, 15), 10, &[], Priority::None);
        let again = draw(&ids, day(2027, 1, 15), 10, &[], Priority::None);
        assert_eq!(first, again);
        let mut reversed = ids.clone();
        reversed.reverse();
        reversed.extend_from_slice(&ids[..5]);
        assert_eq!(draw(&reversed, day(2027, 1, 15), 10, &[], Priority::None), first);

        let mut sorted = first.order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, sorted_unique(&ids));
        assert_ne!(first.order, sorted_unique(&ids));
        assert_eq!(first.places(), &first.order[..10]);
        assert_eq!(first.waitlist(), &first.order[10..]);

        let next_day = draw(&ids, day(2027, 1, 16), 10, &[], Priority::None);
        assert_ne!(next_day.seed, first.seed);
        assert_ne!(next_day.order, first.order);
    }

    #[test]
    fn a_small_draw_gives_the_order_of_the_rules() {
        // Worked out from the rules alone, outside this code (Python's hashlib and the
        // ChaCha20 of its `cryptography` package), so that any change of the algorithm
        // shows here.
        let example = draw(&[12, 3, 7], day(2027, 1, 15), 1, &[], Priority::None);
        assert_eq!(example.seed.to_hex(), EXAMPLE_SEED);
        assert_eq!(example.order, [12, 3, 7]);
        assert_eq!(example.places(), [12]);
        assert_eq!(example.waitlist(), [3, 7]);

        let ids: Vec<i32> = (1..=10).collect();
        let ten = draw(&ids, day(2027, 1, 15), 3, &[], Priority::None);
        // printf '1,2,3,4,5,6,7,8,9,10|2027-01-15' | sha256sum
        assert_eq!(ten.seed.to_hex(), "e61ce4326b26a043b2ebee58e44d56af2fd93f99b56dce98fa35ffe4352b009c");
        assert_eq!(ten.order, [10, 1, 6, 3, 2, 4, 8, 7, 5, 9]);
        assert_eq!(ten.places(), [10, 1, 6]);
        let first_time = draw(&ids, day(2027, 1, 15), 3, &[2, 4, 6], Priority::FirstTime);
        assert_eq!(first_time.order, [10, 1, 3, 8, 7, 5, 9, 6, 2, 4]);
        assert_eq!(first_time.places(), [10, 1, 3]);
    }

    #[test]
    fn seats_beyond_the_applications_leave_no_waiting_list() {
        let few = draw(&[5, 6], day(2027, 1, 15), 4, &[], Priority::None);
        assert_eq!(few.places().len(), 2);
        assert!(few.waitlist().is_empty());
        let none = draw(&[], day(2027, 1, 15), 4, &[], Priority::None);
        assert!(none.order.is_empty() && none.places().is_empty() && none.waitlist().is_empty());
        assert_eq!(none.seed, DrawSeed::of(&[], day(2027, 1, 15)));
        assert_eq!(draw(&[5, 6], day(2027, 1, 15), 0, &[], Priority::None).waitlist().len(), 2);
    }

    #[test]
    fn first_timers_come_first_each_group_in_the_order_drawn() {
        let ids: Vec<i32> = (1..=20).collect();
        let recent = [2, 3, 5, 7, 11, 13, 17, 19, 99];
        let plain = draw(&ids, day(2027, 3, 1), 6, &recent, Priority::None);
        let first_time = draw(&ids, day(2027, 3, 1), 6, &recent, Priority::FirstTime);
        assert_eq!(first_time.seed, plain.seed);
        let expected: Vec<i32> = plain
            .order
            .iter()
            .filter(|id| !recent.contains(id))
            .chain(plain.order.iter().filter(|id| recent.contains(id)))
            .copied()
            .collect();
        assert_eq!(first_time.order, expected);
        assert_eq!(first_time.order.len(), 20);
        assert!(first_time.order[..12].iter().all(|id| !recent.contains(id)));
        assert!(first_time.order[12..].iter().all(|id| recent.contains(id)));
        assert!(first_time.places().iter().all(|id| !recent.contains(id)));
        // Without priority, the recent completers are not set aside.
        assert_ne!(plain.order, first_time.order);
    }

    #[test]
    fn a_published_draw_is_checked_against_the_rules() {
        let ids: Vec<i32> = (10..=30).collect();
        let recent = [12, 20];
        let closes = day(2027, 1, 15);
        let real = draw(&ids, closes, 5, &recent, Priority::FirstTime);
        let check = |seed: &str, order: &[i32]| verify(seed, order, &ids, closes, 5, &recent, Priority::FirstTime);
        let seed = real.seed.to_hex();
        assert_eq!(check(&seed, &real.order), Verification::Matches);
        assert_eq!(check(&seed, &real.order).describe(), "matches");

        let mut swapped = real.order.clone();
        swapped.swap(2, 6);
        let found = check(&seed, &swapped);
        assert_eq!(
            found,
            Verification::OrderDiffers { position: 3, published: Some(real.order[6]), computed: Some(real.order[2]) }
        );
        assert_eq!(
            found.describe(),
            format!(
                "position 3 differs: published application {}, computed application {}",
                real.order[6], real.order[2]
            )
        );

        let short = &real.order[..20];
        assert_eq!(
            check(&seed, short),
            Verification::OrderDiffers { position: 21, published: None, computed: Some(real.order[20]) }
        );
        let mut long = real.order.clone();
        long.push(99);
        assert_eq!(
            check(&seed, &long).describe(),
            "position 22 differs: published application 99, computed no application"
        );

        let wrong = DrawSeed::of(&ids, day(2027, 1, 16)).to_hex();
        assert_eq!(
            check(&wrong, &real.order),
            Verification::SeedDiffers { published: wrong.clone(), computed: real.seed }
        );
        assert_eq!(
            check(&wrong, &real.order).describe(),
            format!("the seed differs: published {wrong}, computed {seed}")
        );
        assert!(matches!(check("not a seed", &real.order), Verification::SeedDiffers { .. }));
        // The order drawn without the priority is not the order with it.
        let plain = draw(&ids, closes, 5, &recent, Priority::None);
        assert!(matches!(check(&seed, &plain.order), Verification::OrderDiffers { .. }));
    }

    /// Pearson's chi-square of `counts` against the same `expected` count in each.
    fn chi_square(counts: &[u32], expected: f64) -> f64 {
        counts.iter().map(|&count| (f64::from(count) - expected).powi(2) / expected).sum()
    }

    /// The 1% critical value of the chi-square distribution with 49 degrees of freedom.
    const CRITICAL_49_1_PERCENT: f64 = 74.92;

    #[test]
    fn chi_square_is_computed_as_pearsons() {
        assert_eq!(chi_square(&[1000; 50], 1000.0), 0.0);
        // 10 over and 10 under: 2 × 100 / 1000.
        let mut counts = [1000; 50];
        counts[0] = 1010;
        counts[1] = 990;
        assert!((chi_square(&counts, 1000.0) - 0.2).abs() < 1e-12);
        // Always the same five: far beyond the critical value.
        let mut skewed = [0; 50];
        skewed[..5].fill(10_000);
        assert!(chi_square(&skewed, 1000.0) > CRITICAL_49_1_PERCENT);
    }

    #[test]
    fn over_many_draws_every_applicant_gets_a_seat_and_each_position_as_often() {
        const DRAWS: u32 = 10_000;
        const SEATS: usize = 5;
        let ids: Vec<i32> = (1..=50).collect();
        let mut seated = [0u32; 50];
        let mut at_position = [[0u32; 50]; SEATS];
        let mut closes = day(2030, 1, 1);
        for _ in 0..DRAWS {
            let drawn = draw(&ids, closes, SEATS, &[], Priority::None);
            for (position, id) in drawn.places().iter().enumerate() {
                let index = usize::try_from(id - 1).unwrap();
                seated[index] += 1;
                at_position[position][index] += 1;
            }
            closes = closes.succ_opt().unwrap();
        }
        assert_eq!(seated.iter().sum::<u32>(), DRAWS * SEATS as u32);

        // 10,000 × 5 / 50 = 1,000 seats each. The five seats of one draw go to five
        // different applicants, so the statistic runs a little below a chi-square with 49
        // degrees of freedom (its mean is 45, not 49): the test is, if anything, lenient.
        let seats_statistic = chi_square(&seated, 1000.0);
        println!(
            "lottery: {DRAWS} draws of {SEATS} seats among 50 applicants (closing days from 2030-01-01): \
             chi-square of seats per applicant = {seats_statistic:.2} (49 degrees of freedom, 1% critical \
             value {CRITICAL_49_1_PERCENT}); fewest seats {}, most {}",
            seated.iter().min().unwrap(),
            seated.iter().max().unwrap()
        );
        assert!(seats_statistic < CRITICAL_49_1_PERCENT, "seats per applicant: chi-square {seats_statistic:.2}");

        // 10,000 / 50 = 200 times each applicant in each position.
        for (position, counts) in at_position.iter().enumerate() {
            assert_eq!(counts.iter().sum::<u32>(), DRAWS);
            let statistic = chi_square(counts, 200.0);
            println!(
                "lottery: position {}: chi-square of the applicant drawn = {statistic:.2} (49 degrees of freedom, \
                 1% critical value {CRITICAL_49_1_PERCENT}); fewest {}, most {}",
                position + 1,
                counts.iter().min().unwrap(),
                counts.iter().max().unwrap()
            );
            assert!(statistic < CRITICAL_49_1_PERCENT, "position {}: chi-square {statistic:.2}", position + 1);
        }
    }
}
