// The .msk guideline language. Parsed by the frontend only; the parse tree never leaves it.
// Statements need no terminators: every declaration starts with a keyword.
grammar Msk;

file : importDecl* decl* EOF ;

importDecl : IMPORT qualifiedName ;

decl
  : factDecl
  | codesDecl
  | letDecl
  | guidelineDecl
  | planDecl
  ;

// ---- facts ----------------------------------------------------------------------------------
factDecl : FACT name ':' factType STRING? ;

factType
  : BOOL                                   # boolType
  | NUMBER_T numberRange?                  # numberType
  | DATE_T                                 # dateType
  | ONE OF '{' nameList '}'                # enumType
  | LIST OF '{' nameList '}'               # listType
  ;

numberRange : NUMBER '..' NUMBER? ;

nameList : name (',' name)* ','? ;

// ---- code sets --------------------------------------------------------------------------------
codesDecl : CODES name '=' codeSet ;

codeSet : codeItem (',' codeItem)* ;

codeItem
  : STRING ('..' STRING)?                  # codeLiteral
  | name                                   # codeRef
  ;

// ---- definitions ------------------------------------------------------------------------------
letDecl : LET name paramList? '=' expr ;

paramList : '(' (param (',' param)*)? ')' ;

param : name ':' paramType ;

paramType : BOOL | NUMBER_T | DATE_T | CODES ;

// ---- guidelines -------------------------------------------------------------------------------
guidelineDecl : GUIDELINE qualifiedName '{' guidelineItem* '}' ;

guidelineItem
  : TITLE STRING                                      # titleItem
  | KIND name                                         # kindItem
  | CODES codeSet                                     # codesItem
  | SOURCE STRING                                     # sourceItem
  | VERSION DATE (UNTIL DATE)? STRING?                # versionItem
  | letDecl                                           # letItem
  | criterionDecl                                     # criterionItem
  | noteDecl                                          # noteItem
  ;

criterionDecl
  : CRITERION name STRING citation? unmetReason? versionRange? '=' expr               # simpleCriterion
  | CRITERION name STRING citation? unmetReason? '{' criterionBody+ '}'               # versionedCriterion
  ;

// A reason code the determination carries when the criterion is unmet
// (`unmet reason SMOKING_CESSATION_REQUIRED`).
unmetReason : UNMET REASON name ;

criterionBody : FROM DATE STRING? '=' expr ;

citation : CITE STRING ;

versionRange
  : FROM DATE (BEFORE DATE)?
  | BEFORE DATE
  ;

noteDecl : noteKind STRING versionRange? (WHEN expr)? ;

noteKind : NOTICE | RECOMMENDATION | EDUCATION ;

// ---- plans ------------------------------------------------------------------------------------
planDecl : PLAN planCode STRING? (EXTENDS planCode)? '{' planItem* '}' ;

// Plan codes are written as in cases: `IBX`, `ANTHEM-ME`.
planCode : name ('-' name)* ;

planItem
  : MANAGES ALL                                                   # managesAllItem
  | MANAGES qualifiedName (',' qualifiedName)*                    # managesItem
  | PROGRAM START DATE                                            # programStartItem
  | SOFT LAUNCH FROM DATE TO DATE FOR name (',' name)*           # softLaunchItem
  | GOAL STAY (qualifiedName | DEFAULT) NUMBER DAYS               # goalStayItem
  | SITE OF CARE codeSet                                          # siteOfCareItem
  | MANUAL REVIEW codeSet                                         # manualReviewItem
  | PEND DEADLINE NUMBER DAYS                                     # pendDeadlineItem
  | STATE name MINIMUM NUMBER DAYS (FOR name)*                    # stateOverrideItem
  | CLOSED DATE (',' DATE)*                                       # closedItem
  ;

// ---- expressions (lowest precedence first) ----------------------------------------------------
expr
  : IF expr THEN expr ELSE expr                                          # ifExpr
  | quantifier                                                           # quantExpr
  | orExpr                                                               # plainExpr
  ;

quantifier
  : (ANY | ALL | LATEST) name IN postfix (WHERE orExpr)? ':' expr        # predicateQuant
  | COUNT name IN postfix (WHERE orExpr)? (BY orExpr)?                    # countQuant
  ;

orExpr : andExpr (OR andExpr)* ;

andExpr : notExpr (AND notExpr)* ;

notExpr
  : NOT notExpr                                                          # notOp
  | comparison                                                           # notNone
  ;

comparison
  : additive (compOp additive)?                                          # compare
  | additive NOT? IN setOrRef                                            # membership
  | additive CONTAINS (ANY OF)? setOrRef                                 # contains
  ;

compOp : '<' | '<=' | '>' | '>=' | '==' | '!=' ;

setOrRef
  : '{' setItem (',' setItem)* ','? '}'                                  # setLiteral
  | additive                                                             # setExpr
  ;

setItem
  : STRING ('..' STRING)?                                                # setCode
  | name                                                                 # setName
  ;

additive : multiplicative (('+' | '-') multiplicative)* ;

multiplicative : unary (('*' | '/') unary)* ;

unary
  : '-' unary                                                            # negate
  | postfix                                                              # unaryNone
  ;

postfix : primary ('.' name)* ;

primary
  : NUMBER durationUnit?                                                 # numberLit
  | DATE                                                                 # dateLit
  | STRING                                                               # stringLit
  | (TRUE | FALSE)                                                       # boolLit
  | (ALL | ANY | NONE) OF '(' expr (',' expr)* ','? ')'                  # groupCall
  | AT LEAST NUMBER OF '(' expr (',' expr)* ','? ')'                     # atLeastCall
  | name '(' (expr (',' expr)*)? ')'                                     # call
  | name                                                                 # nameRef
  | '(' expr ')'                                                         # paren
  ;

durationUnit : DAYS | WEEKS | MONTHS | YEARS | BUSINESS DAYS ;

qualifiedName : name ('.' name)* ;

// Soft keywords: words that are keywords in one place but may name facts and lets elsewhere.
name
  : ID | TITLE | KIND | SOURCE | START | SOFT | LAUNCH | GOAL | STAY | SITE | CARE | MANUAL
  | REVIEW | PEND | DEADLINE | STATE | MINIMUM | CLOSED | PROGRAM | DEFAULT | TO | FOR | BY
  | EDUCATION | NOTICE | RECOMMENDATION | LEAST | AT | BUSINESS | NONE | CODES | DATE_T
  | BOOL | NUMBER_T | LIST | ONE | VERSION | DAYS | WEEKS | MONTHS | YEARS | UNMET | REASON
  ;

// ---- lexer ------------------------------------------------------------------------------------
IMPORT : 'import' ;
FACT : 'fact' ;
CODES : 'codes' ;
LET : 'let' ;
GUIDELINE : 'guideline' ;
PLAN : 'plan' ;
EXTENDS : 'extends' ;
TITLE : 'title' ;
KIND : 'kind' ;
SOURCE : 'source' ;
VERSION : 'version' ;
UNTIL : 'until' ;
CRITERION : 'criterion' ;
CITE : 'cite' ;
UNMET : 'unmet' ;
REASON : 'reason' ;
FROM : 'from' ;
BEFORE : 'before' ;
WHEN : 'when' ;
NOTICE : 'notice' ;
RECOMMENDATION : 'recommendation' ;
EDUCATION : 'education' ;
MANAGES : 'manages' ;
PROGRAM : 'program' ;
START : 'start' ;
SOFT : 'soft' ;
LAUNCH : 'launch' ;
TO : 'to' ;
FOR : 'for' ;
GOAL : 'goal' ;
STAY : 'stay' ;
DEFAULT : 'default' ;
SITE : 'site' ;
CARE : 'care' ;
MANUAL : 'manual' ;
REVIEW : 'review' ;
PEND : 'pend' ;
DEADLINE : 'deadline' ;
STATE : 'state' ;
MINIMUM : 'minimum' ;
CLOSED : 'closed' ;
BOOL : 'bool' ;
NUMBER_T : 'number' ;
DATE_T : 'date' ;
ONE : 'one' ;
OF : 'of' ;
LIST : 'list' ;
IF : 'if' ;
THEN : 'then' ;
ELSE : 'else' ;
ANY : 'any' ;
ALL : 'all' ;
NONE : 'none' ;
LATEST : 'latest' ;
COUNT : 'count' ;
IN : 'in' ;
WHERE : 'where' ;
BY : 'by' ;
OR : 'or' ;
AND : 'and' ;
NOT : 'not' ;
CONTAINS : 'contains' ;
AT : 'at' ;
LEAST : 'least' ;
TRUE : 'true' ;
FALSE : 'false' ;
DAYS : 'days' | 'day' ;
WEEKS : 'weeks' | 'week' ;
MONTHS : 'months' | 'month' ;
YEARS : 'years' | 'year' ;
BUSINESS : 'business' ;

DATE : [0-9] [0-9] [0-9] [0-9] '-' [0-9] [0-9] '-' [0-9] [0-9] ;
NUMBER : [0-9]+ ('.' [0-9]+)? ;
STRING : '"' (~["\\\r\n] | '\\' .)* '"' ;
ID : [a-zA-Z_] [a-zA-Z_0-9]* ;

LINE_COMMENT : '#' ~[\r\n]* -> skip ;
WS : [ \t\r\n]+ -> skip ;
// Anything else is one bad character; the frontend reports it (never a lexer crash).
ERROR_CHAR : . ;
