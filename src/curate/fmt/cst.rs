//! A catalogue file as written: every value as its tokens, every comment, and the blank lines
//! between fields, so that it can be printed again in the canonical layout with nothing lost.
//!
//! Scalars (strings, numbers, words) are kept verbatim, never unescaped: a value printed from
//! its own characters cannot change. Comments are attached to the field or list item they sit
//! before, or after on the same line; comments in odd places (between a field's name and its
//! value) go before the field.

/// A comment, as written (`// …` without its line end, or `/* … */`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub text: String,
    /// A blank line came before it.
    pub blank_before: bool,
}

impl Comment {
    pub fn is_line(&self) -> bool {
        self.text.starts_with("//")
    }
}

#[derive(Clone, Debug)]
pub enum Value {
    /// A string, character, number or word, verbatim.
    Scalar(String),
    /// `Name(field: value, …)` or `(field: value, …)`.
    Struct {
        name: Option<String>,
        fields: Seq<Field>,
    },
    /// `(a, b)`, `Some(x)`, `Name(a)`.
    Tuple {
        name: Option<String>,
        items: Seq<Value>,
    },
    List(Seq<Value>),
    Map(Seq<(Value, Value)>),
}

#[derive(Clone, Debug)]
pub struct Field {
    /// As written (`r#title` stays `r#title`).
    pub name: String,
    pub value: Value,
}

impl Field {
    /// The name without a raw identifier's `r#`.
    pub fn plain_name(&self) -> &str {
        self.name.strip_prefix("r#").unwrap_or(&self.name)
    }
}

/// The members of a bracketed value, with their comments.
#[derive(Clone, Debug)]
pub struct Seq<T> {
    pub members: Vec<Member<T>>,
    /// Comments after the last member, before the closing bracket.
    pub dangling: Vec<Comment>,
}

impl<T> Default for Seq<T> {
    fn default() -> Self {
        Seq { members: Vec::new(), dangling: Vec::new() }
    }
}

#[derive(Clone, Debug)]
pub struct Member<T> {
    /// Comments on the lines before it (and any inside it that belong to no deeper member).
    pub before: Vec<Comment>,
    /// A blank line came before it (or before its first comment).
    pub blank_before: bool,
    pub item: T,
    /// Comments after it on its own line.
    pub after: Vec<Comment>,
}

/// A whole file.
#[derive(Clone, Debug)]
pub struct Doc {
    /// Comments and `#![…]` attributes before the value, in order (attributes as comments
    /// whose text starts with `#`).
    pub head: Vec<Comment>,
    /// A blank line separates the head from the value.
    pub blank_before_value: bool,
    pub value: Value,
    pub tail: Vec<Comment>,
}

/// Why a file could not be read: its byte offset and what was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub at: usize,
    pub message: String,
}

use super::lex::{Kind, Token, lex};

/// Deeper than this is not a catalogue file (and recursion stays bounded).
const MAX_DEPTH: usize = 128;

pub fn parse(text: &str) -> Result<Doc, Unreadable> {
    let tokens = lex(text)?;
    let mut parser = Parser { tokens, at: 0, depth: 0, pending: Vec::new() };
    let mut head = Vec::new();
    while let Some(Kind::Comment | Kind::Attribute) = parser.peek_kind() {
        let token = parser.next_token();
        head.push(Comment { text: token.text, blank_before: token.lines_before > 1 });
    }
    let blank_before_value = parser.tokens.get(parser.at).is_some_and(|t| t.lines_before > 1);
    let value = parser.value()?;
    let mut tail = std::mem::take(&mut parser.pending);
    while let Some(token) = parser.tokens.get(parser.at).cloned() {
        if token.kind != Kind::Comment {
            return Err(Unreadable { at: token.at, message: "expected the end of the file".into() });
        }
        parser.at += 1;
        tail.push(Comment { text: token.text, blank_before: token.lines_before > 1 });
    }
    Ok(Doc { head, blank_before_value, value, tail })
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
    depth: usize,
    /// Comments met inside a member, waiting for the member they belong before.
    pending: Vec<Comment>,
}

impl Parser {
    fn peek_kind(&self) -> Option<Kind> {
        self.tokens.get(self.at).map(|t| t.kind.clone())
    }

    fn next_token(&mut self) -> Token {
        let token = self.tokens[self.at].clone();
        self.at += 1;
        token
    }

    fn end(&self) -> usize {
        self.tokens.last().map_or(0, |t| t.at + t.text.len())
    }

    fn error(&self, message: &str) -> Unreadable {
        let at = self.tokens.get(self.at).map_or(self.end(), |t| t.at);
        Unreadable { at, message: message.to_string() }
    }

    /// Comments before the next code token, gathered into `pending`.
    fn gather(&mut self) {
        while let Some(token) = self.tokens.get(self.at)
            && token.kind == Kind::Comment
        {
            let comment = Comment { text: token.text.clone(), blank_before: token.lines_before > 1 };
            self.pending.push(comment);
            self.at += 1;
        }
    }

    fn peek_code(&mut self) -> Option<Token> {
        self.gather();
        self.tokens.get(self.at).cloned()
    }

    fn value(&mut self) -> Result<Value, Unreadable> {
        let token = self.peek_code().ok_or_else(|| self.error("expected a value"))?;
        match token.kind {
            Kind::Scalar => {
                self.at += 1;
                Ok(Value::Scalar(token.text))
            }
            Kind::Word => {
                self.at += 1;
                match self.peek_code() {
                    Some(next) if next.kind == Kind::Punct(b'(') => self.parenthesised(Some(token.text)),
                    _ => Ok(Value::Scalar(token.text)),
                }
            }
            Kind::Punct(b'(') => self.parenthesised(None),
            Kind::Punct(b'[') => Ok(Value::List(self.seq(b']', Self::value)?)),
            Kind::Punct(b'{') => Ok(Value::Map(self.seq(b'}', |p| {
                let key = p.value()?;
                p.expect(b':')?;
                Ok((key, p.value()?))
            })?)),
            _ => Err(self.error("expected a value")),
        }
    }

    fn expect(&mut self, punct: u8) -> Result<(), Unreadable> {
        match self.peek_code() {
            Some(token) if token.kind == Kind::Punct(punct) => {
                self.at += 1;
                Ok(())
            }
            _ => Err(self.error(&format!("expected `{}`", punct as char))),
        }
    }

    /// `(` … `)`: fields when the first item is `name:`, else a tuple.
    fn parenthesised(&mut self, name: Option<String>) -> Result<Value, Unreadable> {
        let mut look = self.at + 1;
        let code = |look: &mut usize, tokens: &[Token]| {
            while tokens.get(*look).is_some_and(|t| t.kind == Kind::Comment) {
                *look += 1;
            }
            tokens.get(*look).map(|t| t.kind.clone())
        };
        let first = code(&mut look, &self.tokens);
        look += 1;
        let is_struct = first == Some(Kind::Word) && code(&mut look, &self.tokens) == Some(Kind::Punct(b':'));
        if is_struct {
            let fields = self.seq(b')', |p| {
                let token = p.peek_code().ok_or_else(|| p.error("expected a field name"))?;
                if token.kind != Kind::Word {
                    return Err(p.error("expected a field name"));
                }
                p.at += 1;
                p.expect(b':')?;
                Ok(Field { name: token.text, value: p.value()? })
            })?;
            Ok(Value::Struct { name, fields })
        } else {
            let items = self.seq(b')', Self::value)?;
            Ok(Value::Tuple { name, items })
        }
    }

    /// Members up to `close`, with their comments; the opener is the next code token.
    fn seq<T>(
        &mut self,
        close: u8,
        mut member: impl FnMut(&mut Self) -> Result<T, Unreadable>,
    ) -> Result<Seq<T>, Unreadable> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error("nesting is too deep"));
        }
        self.depth += 1;
        self.at += 1; // the opener
        // Comments right after the opener belong to the first member; comments met before
        // the opener (`Some /* x */ (`) to the enclosing member, which holds them in `pending`.
        let outer = std::mem::take(&mut self.pending);
        let mut seq = Seq::default();
        loop {
            let token = self.peek_code().ok_or_else(|| self.error(&format!("expected `{}`", close as char)))?;
            if token.kind == Kind::Punct(close) {
                self.at += 1;
                seq.dangling = std::mem::take(&mut self.pending);
                break;
            }
            let blank_before = match self.pending.first() {
                Some(first) => first.blank_before,
                None => token.lines_before > 1,
            };
            let item = member(self)?;
            let before = std::mem::take(&mut self.pending);
            let mut member = Member { before, blank_before, item, after: Vec::new() };
            // Comments after the value, then the comma, then comments on the same line.
            self.trailing(&mut member.after);
            // Comments on the lines after it, before the closer, wait for the closer.
            match self.peek_code() {
                Some(t) if t.kind == Kind::Punct(b',') => {
                    self.at += 1;
                    self.trailing(&mut member.after);
                    seq.members.push(member);
                }
                Some(t) if t.kind == Kind::Punct(close) => seq.members.push(member),
                Some(_) => return Err(self.error(&format!("expected `,` or `{}`", close as char))),
                None => return Err(self.error(&format!("expected `{}`", close as char))),
            }
        }
        self.depth -= 1;
        self.pending = outer;
        Ok(seq)
    }

    /// Comments on the same line as what was just read, and comments before a comma.
    fn trailing(&mut self, after: &mut Vec<Comment>) {
        while let Some(token) = self.tokens.get(self.at)
            && token.kind == Kind::Comment
        {
            let before_a_comma = {
                let mut look = self.at;
                while self.tokens.get(look).is_some_and(|t| t.kind == Kind::Comment) {
                    look += 1;
                }
                self.tokens.get(look).is_some_and(|t| t.kind == Kind::Punct(b','))
            };
            if token.lines_before > 0 && !before_a_comma {
                break;
            }
            after.push(Comment { text: token.text.clone(), blank_before: false });
            self.at += 1;
        }
    }
}

/// A value that compares equal whatever its layout and comments: fields in name order (a
/// stable sort, so a repeated field keeps its place), scalars as written.
#[derive(Debug, PartialEq, Eq)]
pub enum Shape {
    Scalar(String),
    Struct(Option<String>, Vec<(String, Shape)>),
    Tuple(Option<String>, Vec<Shape>),
    List(Vec<Shape>),
    Map(Vec<(Shape, Shape)>),
}

impl Value {
    pub fn shape(&self) -> Shape {
        match self {
            Value::Scalar(text) => Shape::Scalar(text.clone()),
            Value::Struct { name, fields } => {
                let mut fields: Vec<(String, Shape)> =
                    fields.members.iter().map(|m| (m.item.plain_name().to_string(), m.item.value.shape())).collect();
                fields.sort_by(|a, b| a.0.cmp(&b.0));
                Shape::Struct(name.clone(), fields)
            }
            Value::Tuple { name, items } => {
                Shape::Tuple(name.clone(), items.members.iter().map(|m| m.item.shape()).collect())
            }
            Value::List(items) => Shape::List(items.members.iter().map(|m| m.item.shape()).collect()),
            Value::Map(entries) => {
                Shape::Map(entries.members.iter().map(|m| (m.item.0.shape(), m.item.1.shape())).collect())
            }
        }
    }
}

/// Every comment of a file, in order (to check that none was lost).
pub fn comments(text: &str) -> Vec<String> {
    lex(text).map_or_else(
        |_| Vec::new(),
        |tokens| {
            tokens.into_iter().filter(|t| matches!(t.kind, Kind::Comment | Kind::Attribute)).map(|t| t.text).collect()
        },
    )
}
