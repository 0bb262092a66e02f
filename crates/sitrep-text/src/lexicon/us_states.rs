//! The US states and the District of Columbia: names, postal codes and the
//! AP-style abbreviations local news writes after a town ("Ardmore,
//! Okla."). The clustering maps a state to the United States; the geocoder
//! reads the abbreviations.

/// One row of [`US_STATES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UsState {
    /// The state's name ("Oklahoma").
    pub name: &'static str,
    /// Its USPS code ("OK"), also its ISO 3166-2 subdivision code after `US-`.
    pub postal: &'static str,
    /// AP-style abbreviations, as written with their periods ("Okla.").
    pub ap: &'static [&'static str],
}

/// The 50 states and the District of Columbia, sorted by name.
#[rustfmt::skip]
pub const US_STATES: &[UsState] = &[
    UsState { name: "Alabama", postal: "AL", ap: &["Ala."] },
    UsState { name: "Alaska", postal: "AK", ap: &[] },
    UsState { name: "Arizona", postal: "AZ", ap: &["Ariz."] },
    UsState { name: "Arkansas", postal: "AR", ap: &["Ark."] },
    UsState { name: "California", postal: "CA", ap: &["Calif."] },
    UsState { name: "Colorado", postal: "CO", ap: &["Colo."] },
    UsState { name: "Connecticut", postal: "CT", ap: &["Conn."] },
    UsState { name: "Delaware", postal: "DE", ap: &["Del."] },
    UsState { name: "District of Columbia", postal: "DC", ap: &["D.C."] },
    UsState { name: "Florida", postal: "FL", ap: &["Fla."] },
    UsState { name: "Georgia", postal: "GA", ap: &["Ga."] },
    UsState { name: "Hawaii", postal: "HI", ap: &[] },
    UsState { name: "Idaho", postal: "ID", ap: &[] },
    UsState { name: "Illinois", postal: "IL", ap: &["Ill."] },
    UsState { name: "Indiana", postal: "IN", ap: &["Ind."] },
    UsState { name: "Iowa", postal: "IA", ap: &[] },
    UsState { name: "Kansas", postal: "KS", ap: &["Kan.", "Kans."] },
    UsState { name: "Kentucky", postal: "KY", ap: &["Ky."] },
    UsState { name: "Louisiana", postal: "LA", ap: &["La."] },
    UsState { name: "Maine", postal: "ME", ap: &[] },
    UsState { name: "Maryland", postal: "MD", ap: &["Md."] },
    UsState { name: "Massachusetts", postal: "MA", ap: &["Mass."] },
    UsState { name: "Michigan", postal: "MI", ap: &["Mich."] },
    UsState { name: "Minnesota", postal: "MN", ap: &["Minn."] },
    UsState { name: "Mississippi", postal: "MS", ap: &["Miss."] },
    UsState { name: "Missouri", postal: "MO", ap: &["Mo."] },
    UsState { name: "Montana", postal: "MT", ap: &["Mont."] },
    UsState { name: "Nebraska", postal: "NE", ap: &["Neb.", "Nebr."] },
    UsState { name: "Nevada", postal: "NV", ap: &["Nev."] },
    UsState { name: "New Hampshire", postal: "NH", ap: &["N.H."] },
    UsState { name: "New Jersey", postal: "NJ", ap: &["N.J."] },
    UsState { name: "New Mexico", postal: "NM", ap: &["N.M."] },
    UsState { name: "New York", postal: "NY", ap: &["N.Y."] },
    UsState { name: "North Carolina", postal: "NC", ap: &["N.C."] },
    UsState { name: "North Dakota", postal: "ND", ap: &["N.D."] },
    UsState { name: "Ohio", postal: "OH", ap: &[] },
    UsState { name: "Oklahoma", postal: "OK", ap: &["Okla."] },
    UsState { name: "Oregon", postal: "OR", ap: &["Ore."] },
    UsState { name: "Pennsylvania", postal: "PA", ap: &["Pa."] },
    UsState { name: "Rhode Island", postal: "RI", ap: &["R.I."] },
    UsState { name: "South Carolina", postal: "SC", ap: &["S.C."] },
    UsState { name: "South Dakota", postal: "SD", ap: &["S.D."] },
    UsState { name: "Tennessee", postal: "TN", ap: &["Tenn."] },
    UsState { name: "Texas", postal: "TX", ap: &["Tex."] },
    UsState { name: "Utah", postal: "UT", ap: &[] },
    UsState { name: "Vermont", postal: "VT", ap: &["Vt."] },
    UsState { name: "Virginia", postal: "VA", ap: &["Va."] },
    UsState { name: "Washington", postal: "WA", ap: &["Wash."] },
    UsState { name: "West Virginia", postal: "WV", ap: &["W.Va."] },
    UsState { name: "Wisconsin", postal: "WI", ap: &["Wis.", "Wisc."] },
    UsState { name: "Wyoming", postal: "WY", ap: &["Wyo."] },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn states_are_sorted_and_written_once() {
        assert_eq!(US_STATES.len(), 51);
        for w in US_STATES.windows(2) {
            assert!(w[0].name < w[1].name, "{} before {}", w[0].name, w[1].name);
        }
        let mut seen = HashSet::new();
        for s in US_STATES {
            assert!(s.postal.len() == 2 && s.postal.chars().all(|c| c.is_ascii_uppercase()));
            assert!(seen.insert(s.postal.to_string()), "{} twice", s.postal);
            for a in s.ap {
                assert!(a.ends_with('.'), "{a}");
                assert!(seen.insert((*a).to_string()), "{a} twice");
            }
        }
    }
}
