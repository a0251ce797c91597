//! People who are interchangeable for the quotas form a **type**; selection is computed over
//! types.
//!
//! Two volunteers with the same value of every feature (and no shared household) can swap
//! places on any panel without touching a quota. The LEXIMIN distribution is unique in its
//! probabilities and symmetric under such swaps, so both get the same probability; it can
//! be computed over *configurations* (how many of each type sit on the panel) and realised by
//! choosing uniformly within each type. The large peer instance (pool 2,000) has 714 types;
//! the Nature paper's examples have 3.

use std::collections::BTreeMap;

use crate::instance::Instance;

/// The pool grouped into types.
#[derive(Debug, Clone)]
pub(crate) struct Types {
    /// Person indices of each type, in pool order.
    pub members: Vec<Vec<usize>>,
    /// Each type's value per feature.
    pub values: Vec<Vec<usize>>,
    /// Groups of types that may not both be on a panel (one per shared household); each
    /// such type has one member.
    pub households: Vec<Vec<usize>>,
}

impl Types {
    pub fn of(instance: &Instance) -> Self {
        // People who share a household with someone else in the pool each form their own
        // type: swapping them with a look-alike could break the household limit.
        let mut household_size: BTreeMap<&str, usize> = BTreeMap::new();
        if instance.one_per_household {
            for p in &instance.people {
                if let Some(h) = &p.household {
                    *household_size.entry(h.as_str()).or_default() += 1;
                }
            }
        }
        let mut index: BTreeMap<(Vec<usize>, Option<usize>), usize> = BTreeMap::new();
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut values = Vec::new();
        let mut households: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, p) in instance.people.iter().enumerate() {
            let shared = p
                .household
                .as_deref()
                .filter(|h| household_size.get(h).is_some_and(|&n| n > 1));
            let key = (p.values.clone(), shared.map(|_| i));
            let t = *index.entry(key).or_insert_with(|| {
                members.push(Vec::new());
                values.push(p.values.clone());
                members.len() - 1
            });
            members[t].push(i);
            if let Some(h) = shared {
                households.entry(h).or_default().push(t);
            }
        }
        Types {
            members,
            values,
            households: households.into_values().collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn count(&self, t: usize) -> u32 {
        self.members[t].len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instance::{ReadOptions, Source};

    #[test]
    fn look_alikes_share_a_type_unless_they_share_a_household() {
        let people = "id,g,home\na,x,1\nb,x,2\nc,x,1\nd,y,3\ne,x,4\n";
        let cats = "feature,value,min,max\ng,x,0,2\ng,y,0,2\n";
        let src = |name, text| Source { name, text };
        let plain =
            Instance::parse(src("p", people), src("c", cats), 2, &ReadOptions::default()).unwrap();
        let t = Types::of(&plain);
        assert_eq!(t.members, vec![vec![0, 1, 2, 4], vec![3]]);
        assert!(t.households.is_empty());
        let opts = ReadOptions {
            household_column: Some("home".into()),
        };
        let homes = Instance::parse(src("p", people), src("c", cats), 2, &opts).unwrap();
        let t = Types::of(&homes);
        assert_eq!(t.members, vec![vec![0], vec![1, 4], vec![2], vec![3]]);
        assert_eq!(t.households, vec![vec![0, 2]]);
    }
}
