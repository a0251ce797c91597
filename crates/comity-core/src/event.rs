//! What happened: the facts the journal records, one closed enum per capability.
//!
//! The journal stores an event as `kind` (the variant's snake_case name) and `payload` (its
//! fields); the capability it belongs to is not written, so the bytes of the journal do not
//! depend on how the code is grouped. Reading finds the capability that knows the kind.

use serde::de::{self, DeserializeSeed, EnumAccess, VariantAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{
    assembly, base, caucus, consultations, election, initiatives, membership, motion, network,
    pledges, reporting, sanctions, treaty,
};

/// Reads one capability's events from a kind and its payload.
type Reader = fn(&Parts<'_>) -> Result<Event, serde_json::Error>;

/// One recorded fact, by capability.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Base(base::Event),
    Motion(motion::Event),
    Election(election::Event),
    Assembly(assembly::Event),
    Membership(membership::Event),
    Network(network::Event),
    Reporting(reporting::Event),
    Treaty(treaty::Event),
    Caucus(caucus::Event),
    Pledges(pledges::Event),
    Sanctions(sanctions::Event),
    Initiatives(initiatives::Event),
    Consultations(consultations::Event),
}

impl Event {
    /// Split into the journal's `kind` and `payload` columns.
    pub fn to_parts(&self) -> (String, Value) {
        let value = match self {
            Self::Base(e) => serde_json::to_value(e),
            Self::Motion(e) => serde_json::to_value(e),
            Self::Election(e) => serde_json::to_value(e),
            Self::Assembly(e) => serde_json::to_value(e),
            Self::Membership(e) => serde_json::to_value(e),
            Self::Network(e) => serde_json::to_value(e),
            Self::Reporting(e) => serde_json::to_value(e),
            Self::Treaty(e) => serde_json::to_value(e),
            Self::Caucus(e) => serde_json::to_value(e),
            Self::Pledges(e) => serde_json::to_value(e),
            Self::Sanctions(e) => serde_json::to_value(e),
            Self::Initiatives(e) => serde_json::to_value(e),
            Self::Consultations(e) => serde_json::to_value(e),
        };
        // A capability's event serialises as `{kind: payload}` (or `"kind"` with no fields).
        match value {
            Ok(Value::Object(m)) if m.len() == 1 => match m.into_iter().next() {
                Some((kind, payload)) => (kind, payload),
                None => (String::new(), Value::Null),
            },
            Ok(Value::String(kind)) => (kind, Value::Null),
            _ => (String::new(), Value::Null),
        }
    }

    /// Read a journal entry's `kind` and `payload`: the capability that knows the kind reads
    /// the payload; a kind no capability knows is an error naming it.
    pub fn from_parts(kind: &str, payload: &Value) -> Result<Self, serde_json::Error> {
        let parts = Parts::new(kind, payload);
        let read: [Reader; 13] = [
            |p: &Parts| base::Event::deserialize(p).map(Self::Base),
            |p: &Parts| motion::Event::deserialize(p).map(Self::Motion),
            |p: &Parts| election::Event::deserialize(p).map(Self::Election),
            |p: &Parts| assembly::Event::deserialize(p).map(Self::Assembly),
            |p: &Parts| membership::Event::deserialize(p).map(Self::Membership),
            |p: &Parts| network::Event::deserialize(p).map(Self::Network),
            |p: &Parts| reporting::Event::deserialize(p).map(Self::Reporting),
            |p: &Parts| treaty::Event::deserialize(p).map(Self::Treaty),
            |p: &Parts| caucus::Event::deserialize(p).map(Self::Caucus),
            |p: &Parts| pledges::Event::deserialize(p).map(Self::Pledges),
            |p: &Parts| sanctions::Event::deserialize(p).map(Self::Sanctions),
            |p: &Parts| initiatives::Event::deserialize(p).map(Self::Initiatives),
            |p: &Parts| consultations::Event::deserialize(p).map(Self::Consultations),
        ];
        for read in read {
            parts.unknown.set(false);
            match read(&parts) {
                Err(_) if parts.unknown.get() => continue,
                other => return other,
            }
        }
        Err(de::Error::custom(format_args!(
            "unknown kind of entry {kind:?}"
        )))
    }

    /// The motion an event concerns, if any.
    pub fn motion(&self) -> Option<u64> {
        match self {
            Self::Motion(e) => Some(e.motion()),
            Self::Network(e) => e.motion(),
            Self::Base(_)
            | Self::Election(_)
            | Self::Assembly(_)
            | Self::Membership(_)
            | Self::Reporting(_)
            | Self::Treaty(_)
            | Self::Caucus(_)
            | Self::Pledges(_)
            | Self::Sanctions(_)
            | Self::Initiatives(_)
            | Self::Consultations(_) => None,
        }
    }

    /// The election an event concerns, if any.
    pub fn election(&self) -> Option<u64> {
        match self {
            Self::Election(e) => Some(e.election()),
            _ => None,
        }
    }

    /// The treaty an event concerns, if any.
    pub fn treaty(&self) -> Option<&str> {
        match self {
            Self::Treaty(e) => Some(e.treaty()),
            _ => None,
        }
    }

    pub fn kind(&self) -> String {
        self.to_parts().0
    }
}

impl Serialize for Event {
    /// `{"kind": …, "payload": …}`, as the journal stores it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (kind, payload) = self.to_parts();
        let mut st = s.serialize_struct("Event", 2)?;
        st.serialize_field("kind", &kind)?;
        st.serialize_field("payload", &payload)?;
        st.end()
    }
}

macro_rules! from_capability {
    ($($cap:ident => $variant:ident),* $(,)?) => {$(
        impl From<$cap::Event> for Event {
            fn from(e: $cap::Event) -> Self {
                Self::$variant(e)
            }
        }
    )*};
}
from_capability!(base => Base, motion => Motion, election => Election, assembly => Assembly,
    membership => Membership, network => Network, reporting => Reporting, treaty => Treaty, caucus => Caucus,
    pledges => Pledges, sanctions => Sanctions, initiatives => Initiatives, consultations => Consultations);

/// A kind and its payload presented to serde as an externally tagged enum, so a capability's
/// derived `Deserialize` reads it without the payload being copied. `unknown` is set when
/// the capability does not know the kind, so the next one is asked.
struct Parts<'a> {
    kind: &'a str,
    payload: &'a Value,
    unknown: std::cell::Cell<bool>,
}

impl<'a> Parts<'a> {
    fn new(kind: &'a str, payload: &'a Value) -> Self {
        Self {
            kind,
            payload,
            unknown: std::cell::Cell::new(false),
        }
    }
}

impl<'de> de::Deserializer<'de> for &Parts<'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("a journal event is read as an enum"))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_enum(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

impl<'de> EnumAccess<'de> for &Parts<'de> {
    type Error = serde_json::Error;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self), Self::Error> {
        let kind = de::value::BorrowedStrDeserializer::<serde_json::Error>::new(self.kind);
        match seed.deserialize(kind) {
            Ok(v) => Ok((v, self)),
            // The only way a variant's name fails to read is that the enum has no such name.
            Err(e) => {
                self.unknown.set(true);
                Err(e)
            }
        }
    }
}

impl<'de> VariantAccess<'de> for &Parts<'de> {
    type Error = serde_json::Error;

    fn unit_variant(self) -> Result<(), Self::Error> {
        match self.payload {
            Value::Null => Ok(()),
            other => Err(de::Error::invalid_type(
                de::Unexpected::Other(&other.to_string()),
                &"no payload",
            )),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        seed.deserialize(self.payload)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Self::Error> {
        de::Deserializer::deserialize_seq(self.payload, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        de::Deserializer::deserialize_struct(self.payload, "", fields, visitor)
    }
}
