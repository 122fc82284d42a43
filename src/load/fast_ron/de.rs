//! The serde side: a `Deserializer` that reads values as ron reads them for the types of the
//! catalogue files, and refuses everything else.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Visitor};
use std::borrow::Cow;

use super::Unsupported;
use super::cursor::Cursor;

type Read<T> = Result<T, Unsupported>;

/// Far below ron's recursion limit of 128 (ron counts up to three levels where this counts
/// one), and far above what any catalogue type needs (about six).
const MAX_DEPTH: u32 = 32;

pub struct Deserializer<'de> {
    pub cursor: Cursor<'de>,
    depth: u32,
}

impl<'de> Deserializer<'de> {
    pub fn new(text: &'de str) -> Self {
        Deserializer { cursor: Cursor::new(text), depth: 0 }
    }

    fn nested<T>(&mut self, read: impl FnOnce(&mut Self) -> Read<T>) -> Read<T> {
        if self.depth >= MAX_DEPTH {
            return Err(Unsupported);
        }
        self.depth += 1;
        let result = read(self);
        self.depth -= 1;
        result
    }

    /// The items between an opening bracket (already read) and `close`, then `close`.
    fn separated<V: Visitor<'de>>(
        &mut self,
        close: u8,
        visit: impl FnOnce(Separated<'_, 'de>) -> Read<V::Value>,
    ) -> Read<V::Value> {
        let value = self.nested(|de| visit(Separated { de, close, had_comma: true }))?;
        self.cursor.skip_ws()?;
        self.cursor.expect(close)?;
        Ok(value)
    }

    fn visit_string<V: Visitor<'de>>(&mut self, visitor: V) -> Read<V::Value> {
        match self.cursor.string()? {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    /// After `(` (not yet read): whether `ident :` follows, which is what makes ron read a
    /// parenthesis as a struct rather than a tuple where the type does not say.
    fn named_fields_follow(&mut self) -> Read<bool> {
        let mark = self.cursor.mark();
        self.cursor.expect(b'(')?;
        self.cursor.skip_ws()?;
        let named = self.cursor.identifier().is_ok() && {
            self.cursor.skip_ws()?;
            self.cursor.peek() == Some(b':')
        };
        self.cursor.reset(mark);
        Ok(named)
    }
}

/// Comma-separated items up to a closing bracket, as ron's `CommaSeparated`: a trailing
/// comma is allowed, a missing one is not.
struct Separated<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    close: u8,
    had_comma: bool,
}

impl Separated<'_, '_> {
    fn has_element(&mut self) -> Read<bool> {
        self.de.cursor.skip_ws()?;
        let at_close = self.de.cursor.peek() == Some(self.close);
        match (self.had_comma, at_close) {
            (true, at_close) => Ok(!at_close),
            (false, true) => Ok(false),
            (false, false) => Err(Unsupported),
        }
    }
}

impl<'de> de::SeqAccess<'de> for Separated<'_, 'de> {
    type Error = Unsupported;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Read<Option<T::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        let value = self.de.nested(|de| seed.deserialize(de))?;
        self.had_comma = self.de.cursor.comma()?;
        Ok(Some(value))
    }
}

impl<'de> de::MapAccess<'de> for Separated<'_, 'de> {
    type Error = Unsupported;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Read<Option<K::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        let key = self.de.cursor.identifier()?;
        seed.deserialize(BorrowedStrDeserializer::new(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Read<V::Value> {
        self.de.cursor.skip_ws()?;
        self.de.cursor.expect(b':')?;
        self.de.cursor.skip_ws()?;
        let value = self.de.nested(|de| seed.deserialize(de))?;
        self.had_comma = self.de.cursor.comma()?;
        Ok(value)
    }
}

/// A unit variant: its name alone.
struct UnitVariant<'a, 'de> {
    de: &'a mut Deserializer<'de>,
}

impl<'de> de::EnumAccess<'de> for UnitVariant<'_, 'de> {
    type Error = Unsupported;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Read<(V::Value, Self)> {
        let name = self.de.cursor.identifier()?;
        let value = seed.deserialize(BorrowedStrDeserializer::new(name))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant<'_, 'de> {
    type Error = Unsupported;

    fn unit_variant(self) -> Read<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Read<T::Value> {
        Err(Unsupported)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Read<V::Value> {
        Err(Unsupported)
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], _: V) -> Read<V::Value> {
        Err(Unsupported)
    }
}

macro_rules! unsupported {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, $(_: $arg,)* _: V) -> Read<V::Value> {
            Err(Unsupported)
        })*
    };
}

macro_rules! unsigned {
    ($($method:ident => $visit:ident as $ty:ty),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
            let value = <$ty>::try_from(self.cursor.unsigned()?).map_err(|_| Unsupported)?;
            visitor.$visit(value)
        })*
    };
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de> {
    type Error = Unsupported;

    /// Only what a localised text is written as: a string, or `(fr: "…", en: "…")`.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        match self.cursor.peek() {
            Some(b'"') => self.visit_string(visitor),
            Some(b'r') if self.cursor.at_raw_string() => self.visit_string(visitor),
            Some(b'(') if self.named_fields_follow()? => {
                self.cursor.expect(b'(')?;
                self.separated::<V>(b')', |fields| visitor.visit_map(fields))
            }
            _ => Err(Unsupported),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        match self.cursor.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(Unsupported),
        }
    }

    unsigned! {
        deserialize_u8 => visit_u8 as u8,
        deserialize_u16 => visit_u16 as u16,
        deserialize_u32 => visit_u32 as u32,
        deserialize_u64 => visit_u64 as u64,
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        visitor.visit_f64(self.cursor.float()?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.visit_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.visit_string(visitor)
    }

    /// `None`, `Some(…)`, or the value alone (ron's implicit `Some`).
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        let mark = self.cursor.mark();
        match self.cursor.ident() {
            Ok("None") => return visitor.visit_none(),
            Ok("Some") => {
                self.cursor.skip_ws()?;
                // `Some` without a parenthesis: ron reads on after it; leave that to ron.
                self.cursor.expect(b'(')?;
                self.cursor.skip_ws()?;
                let value = self.nested(|de| visitor.visit_some(&mut *de))?;
                self.cursor.comma()?;
                self.cursor.expect(b')')?;
                return Ok(value);
            }
            _ => self.cursor.reset(mark),
        }
        self.nested(|de| visitor.visit_some(&mut *de))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.cursor.expect(b'[')?;
        self.separated::<V>(b']', |items| visitor.visit_seq(items))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Read<V::Value> {
        self.cursor.expect(b'(')?;
        self.separated::<V>(b')', |items| visitor.visit_seq(items))
    }

    /// `Name(field: …, …)` with the struct's own name, or `(field: …, …)`.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Read<V::Value> {
        // ron reads its range types in their own syntax.
        if name.starts_with("Range") {
            return Err(Unsupported);
        }
        if self.cursor.peek() != Some(b'(') {
            if self.cursor.identifier()? != name {
                return Err(Unsupported);
            }
            self.cursor.skip_ws()?;
        }
        self.cursor.expect(b'(')?;
        self.separated::<V>(b')', |fields| visitor.visit_map(fields))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Read<V::Value> {
        self.nested(|de| visitor.visit_enum(UnitVariant { de }))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        visitor.visit_borrowed_str(self.cursor.identifier()?)
    }

    unsupported! {
        deserialize_i8(), deserialize_i16(), deserialize_i32(), deserialize_i64(), deserialize_i128(),
        deserialize_u128(), deserialize_f32(), deserialize_char(), deserialize_bytes(), deserialize_byte_buf(),
        deserialize_unit(), deserialize_ignored_any(), deserialize_map(),
        deserialize_unit_struct(&'static str), deserialize_newtype_struct(&'static str),
        deserialize_tuple_struct(&'static str, usize),
    }
}
