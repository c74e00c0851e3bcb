/*
 * The gangproof spec language (.gang files). docs/spec-language.md describes every
 * construct; docs/semantics.md says what it means. The grammar accepts a little more
 * than is valid (units, scheduler words and property names are plain identifiers) so
 * that the resolver can say precisely what is wrong instead of a bare syntax error.
 */
grammar Gang;

file
    : topItem* EOF
    ;

topItem
    : importDecl
    | dnnDecl
    | systemDecl
    ;

systemDecl
    : 'system' name=ID '{' systemItem* '}'
    ;

systemItem
    : resolutionDecl
    | importDecl
    | platformDecl
    | dnnDecl
    | taskDecl
    | schedulerDecl
    | verifyDecl
    ;

resolutionDecl
    : 'resolution' quantity
    ;

importDecl
    : 'import' STRING
    ;

platformDecl
    : 'platform' '{' (platformItem ','?)* '}'
    ;

platformItem
    : 'tpus' count=INT                                  # platformTpus
    | 'cache' quantity 'each'?                          # platformCache
    | 'pipeline' name=ID '=' tpuList                    # platformPipeline
    ;

tpuList
    : '[' (INT (',' INT)*)? ']'
    ;

dnnDecl
    : 'dnn' name=ID '{' (dnnItem ','?)* '}'
    ;

dnnItem
    : 'size' quantity                                   # dnnSize
    | 'reload' quantity                                 # dnnReload
    | 'latency' latencyTable                            # dnnLatency
    | 'exit' name=ID latencyTable                       # dnnExit
    ;

latencyTable
    : '{' (latencyEntry (',' latencyEntry)* ','?)? '}'
    ;

latencyEntry
    : tpus=INT ':' latencyValue
    ;

// `2.4 .. 2.9 ms`: a lower bound without a unit takes the upper bound's unit.
latencyValue
    : lo=number loUnit=ID? '..' hi=quantity             # latencyRange
    | quantity                                          # latencyExact
    ;

taskDecl
    : 'task' name=ID '{' (taskItem ','?)* '}'
    ;

taskItem
    : 'runs' dnn=ID                                     # taskRuns
    | 'periodic' period=quantity ('offset' offset=quantity)?   # taskPeriodic
    | 'sporadic' period=quantity                        # taskSporadic
    | 'deadline' quantity                               # taskDeadline
    | 'jitter' quantity                                 # taskJitter
    | 'priority' INT                                    # taskPriority
    | 'tpus' levels                                     # taskTpus
    | 'pipeline' (pipe=ID | any='any')                  # taskPipeline
    | 'pinned' (tpuList | any='any')                    # taskPinned
    ;

levels
    : lo=INT ('..' hi=INT)?                             # levelRange
    | '{' INT (',' INT)* '}'                            # levelSet
    ;

// Placement words may coincide with keywords (`pinned`), so any word is accepted here.
schedulerDecl
    : 'scheduler' placement=word policy=word ('with' protocol=word)?
    ;

word
    : ID | 'pinned' | 'pipeline' | 'any' | 'bound' | 'each' | 'exit' | 'limit' | 'task' | 'dnn'
    ;

verifyDecl
    : 'verify' '{' (verifyItem ','?)* '}'
    ;

verifyItem
    : 'deadlines' ('(' task=ID ')')?                    # propDeadlines
    | kind=ID '(' task=ID ')' '<=' bound                # propBounded
    | 'deadlock-free'                                   # propDeadlockFree
    | 'horizon' quantity                                # verifyHorizon
    | 'limit' what=ID limitValue                        # verifyLimit
    ;

bound
    : 'bound'                                           # boundFromAnalysis
    | quantity                                          # boundQuantity
    | INT                                               # boundCount
    ;

limitValue
    : quantity
    | INT
    ;

quantity
    : number unit=ID
    ;

number
    : INT
    | DECIMAL
    ;

INT     : [0-9] ([0-9_]* [0-9])? ;
DECIMAL : [0-9] ([0-9_]* [0-9])? '.' [0-9]+ ;
ID      : [a-zA-Z_] ([a-zA-Z0-9_] | '-' [a-zA-Z0-9_])* ;
STRING  : '"' (~["\\\r\n] | '\\' .)* '"' ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WS            : [ \t\r\n\f]+ -> skip ;

// Anything else becomes a token the parser rejects with a located error.
UNKNOWN_CHAR  : . ;
