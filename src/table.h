/* table.h - what the table reader's files share (private).
 *
 * table.c reads the input's lines into cells; table_records.c keeps the
 * table being read (header rows, or a run of one-cell lines) and turns
 * placed cells into records; table_cells.c classifies cells; table_layout.c works out the columns: which header cells span
 * which, split headers joined, label columns, and whether the counts of
 * headers and cells line up at all (when they do not, nothing is placed). */
#ifndef LG_TABLE_H
#define LG_TABLE_H

#include "extract_int.h"

/* A line longer than this is prose, never a table's. */
#define TABLE_LINE_MAX_CHARS 1024
/* Cells of a | row read; a wider row is not read (warned), never cut. */
#define TABLE_COLS_MAX 64
/* Header rows over one table; more start over from the newest. */
#define TABLE_HEAD_ROWS_MAX 4
/* One-cell-per-line cells held for one table; more: the table is not read. */
#define TABLE_STREAM_MAX 512
/* A cell's text, in bytes (longer is cut: a cell that long is a note). */
#define TCELL_BYTES 256
/* A column's name (the header path), in bytes. */
#define TNAME_BYTES 512
/* A title longer than this names no topic: it is a sentence. */
#define TITLE_TOPIC_MAX_CHARS 20
/* Header lines above a row of space-separated numbers (PDF text). */
#define WORD_LINES_MAX 8

typedef struct table_reader table_reader;

/* T_PAD: a line of padding bars (||||) in a one-cell-per-line table: a row ends. */
enum tkind { T_EMPTY, T_DASH, T_NUM, T_TEXT, T_PAD };

typedef struct tcell {
    int kind;
    long long line, offset;     /* of the cell's first visible character */
    char text[TCELL_BYTES];     /* as written, whitespace left out */
    char dec[LG_DECIMAL_MAX];   /* T_NUM: the number */
    char unit[UNIT_BYTES];      /* T_NUM: the cell's own unit, or "" */
} tcell;

/* A leaf column, as the header rows name it. */
typedef struct tcol {
    char name[TNAME_BYTES]; /* outer header first, unit brackets and notes left out */
    char unit[UNIT_BYTES];  /* from its header or a group above it, or "" */
    int places;             /* the unit's magnitude: (万元) 4 */
    const char *kind;
    int year;               /* a header 2023年: the column's year */
    int skip;               /* 序号: row numbers, no figures */
    int body;               /* 单位名称: its cells name the body */
    int label;              /* a label column (one cell per line tables) */
} tcol;

/* ---- table_cells.c: cells ---------------------------------------------- */

/* Spaces, controls and format characters: left out of cells.  Here, and
 * put_cp, so that the loops over every character of a line inline them. */
static inline int is_blank_cp(uint32_t cp)
{
    if (cp > 0x3000) /* most characters: ideographs */
        return cp == 0xFEFF;
    if (cp < 0x80) /* then ASCII: its controls, DEL and the space */
        return cp <= ' ' || cp == 0x7F;
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0 || cp < 0x20 ||
           (cp >= 0x7F && cp < 0xA0) || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
           cp == 0x205F;
}

/* Append cp as UTF-8 to out[cap] holding len bytes; the new length. */
static inline size_t put_cp(char *out, size_t cap, size_t len, uint32_t cp)
{
    size_t k = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (len + k >= cap)
        return len;
    unsigned char *b = (unsigned char *)out + len;
    if (k == 1) {
        b[0] = (unsigned char)cp;
    } else if (k == 2) {
        b[0] = (unsigned char)(0xC0 | cp >> 6), b[1] = (unsigned char)(0x80 | (cp & 0x3F));
    } else if (k == 3) {
        b[0] = (unsigned char)(0xE0 | cp >> 12), b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp & 0x3F));
    } else {
        b[0] = (unsigned char)(0xF0 | cp >> 18), b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)), b[3] = (unsigned char)(0x80 | (cp & 0x3F));
    }
    b[k] = '\0';
    return len + k;
}

int cjk_numeral(uint32_t cp);
/* The code point at s, its length in *k (0 at the end). */
uint32_t next_cp(const char *s, size_t *k);
/* The row number opening s: its length in bytes, its rank in *level. */
size_t row_number(const char *s, int *level);
/* 第二十条第(一)项: a caption. */
int is_caption(const char *s);

/* Fill c from the text s (UTF-8, whitespace removed): its kind, and for a
 * number its value and own unit.  traditional: the text holds a
 * traditional form (lg_is_traditional), simplified first. */
void classify_cell(const lg_extractor *ex, tcell *c, int traditional);
/* The unit bracket ending s (行政处罚实施数量(宗), 金额(单位:万元)): the
 * unit shown, its magnitude and kind; 0 when none. */
int unit_bracket(const lg_extractor *ex, const char *s, char *unit, int *places,
                 const char **kind);
/* s cleaned into out: row numbers, unit brackets, counting notes left out.
 * *level: the row number's rank (一、 1, (一) 2, 1. 3, (1) 4), 0 when none. */
void clean_name(const lg_extractor *ex, const char *s, char *out, size_t cap, int *level);
int in_list(const lg_extractor *ex, int list, const char *s);
/* Append src to the string dst[cap], cut at a character boundary. */
void utf8_cat(char *dst, size_t cap, const char *src);

/* ---- table_layout.c: columns ------------------------------------------ */

/* The header rows of a | table: rows[i] holds n[i] cells, i < nrows. */
typedef struct pipe_head {
    tcell (*rows)[TABLE_COLS_MAX];
    const size_t *n;
    size_t nrows;
} pipe_head;

/* The leaf columns of the header rows for a data row of nlabels label
 * cells and nvalues value cells, into cols: 1 when the corner header
 * names the body (单位名称: the labels are no part of the names), 0
 * otherwise, -1 when the headers do not line up. */
int pipe_columns(const lg_extractor *ex, const pipe_head *head, size_t nlabels, size_t nvalues,
                 tcol *cols);

/* A run of cells. */
typedef struct cell_run {
    const tcell *c;
    size_t n;
} cell_run;

/* A block of a one-cell-per-line table: header cells, then body cells. */
typedef struct stream_block {
    tcell *head;       /* head[0..nhead): joined in place, a group taken out */
    size_t nhead;
    cell_run body;
    tcell *group;      /* a group header: inherited when its text is non-empty, set when head has one */
    size_t nlabels;    /* set: the last nlabels cells of head are the first row's labels */
} stream_block;

/* Works out a block's columns into cols, joining split headers in head and
 * taking a group header out (into *group; a group given, its text
 * non-empty, is inherited when head has none): the number of columns C, 0
 * when the cells cannot be placed.  The body's rows are the last nlabels
 * cells of head (the first row's labels, read before its first number)
 * and the body, C cells a row. */
size_t stream_columns(const lg_extractor *ex, stream_block *blk, tcol *cols);

/* Header lines of PDF text (结果 结果 其他 / 维持 纠正 结果: each header
 * word printed over two lines, the k-th word of one line joining the k-th
 * of the next; whole words above them group the columns): lines[0..n),
 * words separated by one space, over a row of nvalues numbers.  0 and
 * cols filled, or -1 when the words do not make nvalues columns. */
int space_columns(const lg_extractor *ex, char lines[][TCELL_BYTES], size_t n, size_t nvalues,
                  tcol *cols);

/* Name, unit and kind of a column from its header path p[0..n). */
void name_column(const lg_extractor *ex, const tcell *const *p, size_t n, tcol *col);

/* ---- table.c and table_records.c: the reader --------------------------- */

/* A record's name, in bytes: table names are longer than prose ones
 * (本年新收政府信息公开申请数量法人或其他组织商业企业). */
#define TABLE_METRIC_BYTES 384
/* A record's context (the row), in bytes. */
#define TABLE_CONTEXT_BYTES 900

enum tmode { TM_NONE, TM_PIPE, TM_STREAM };

/* A record waiting for the prose stage to pass its line. */
typedef struct pending {
    rec r;
    char *context;
} pending;

typedef struct claim {
    long long from, to;
} claim;

struct table_reader {
    /* the line being read */
    lg_char line[TABLE_LINE_MAX_CHARS];
    size_t line_len;
    int line_long;
    /* what take_line asks of it, counted as it is copied */
    size_t line_visible, line_bars;
    int line_term;

    int mode;
    int warned;
    int province_rows; /* the table's rows are provinces' (广东 | 31392 |) */
    /* the table's title: a line just before it (2023年度…统计表, …(件)) */
    int title_year;
    char title_unit[UNIT_BYTES];
    int title_places;
    const char *title_kind;
    char title_topic[TCELL_BYTES]; /* what it counts: 受理行政复议案件 */
    size_t title_rows_named; /* bytes of its opening naming the rows: 省区市和兵团 */

    /* a | table: its header rows, and the columns worked out for rows of
     * one shape (labels, values) */
    tcell head[TABLE_HEAD_ROWS_MAX][TABLE_COLS_MAX];
    size_t head_n[TABLE_HEAD_ROWS_MAX], head_rows;
    int after_data;
    tcol cols[TABLE_COLS_MAX];
    size_t cols_labels, cols_values;
    int cols_state; /* -2 not worked out, -1 does not line up, 0 or 1 (body corner) */
    char labels[5][TCELL_BYTES]; /* row labels by numbering level */
    tcell row[TABLE_COLS_MAX + 1];

    /* a one-cell-per-line table */
    tcell stream[TABLE_STREAM_MAX];
    size_t stream_n, stream_texts;
    int stream_full, stream_barred;
    tcell scratch[TABLE_STREAM_MAX];

    claim *claims;
    size_t nclaims, claims_cap, claim_first;
    pending *pend;
    size_t npend, pend_first, pend_cap;
    char metric[TABLE_METRIC_BYTES], context[TABLE_CONTEXT_BYTES];
    int metric_part; /* metric names one item of a breakdown (join_metric) */
    /* short text lines as written, words apart: PDF headers */
    char words[WORD_LINES_MAX][TCELL_BYTES];
    size_t nwords;
};

/* ---- table_records.c: tables and their records ------------------------- */

/* Mark line as the reader's: prose leaves its values alone. */
void claim_line(lg_extractor *ex, long long line);
void free_pending(pending *p);
/* Say once per table, at line and offset, that its cells are not read. */
void table_warn(lg_extractor *ex, long long line, long long offset, const char *what);
/* The record of a number cell in column col, named metric. */
int cell_record(lg_extractor *ex, const tcell *c, const tcol *col, const char *metric,
                const char *context, int place);
/* The label path of a row from its label cells. */
void row_label(lg_extractor *ex, const tcell *cells, size_t n, char *out, size_t cap);
void row_context(const tcell *cells, size_t n, char *out, size_t cap);
/* A line above a table naming it: 2023年度…统计表, 表二, …情况(件). */
int is_title_cell(const lg_extractor *ex, const tcell *c);
void set_title(lg_extractor *ex, const char *s);
void pipe_header(table_reader *tr, const tcell *cells, size_t n);
int pipe_data(lg_extractor *ex, const tcell *cells, size_t n);
/* The table being read ends (a one-cell-per-line one is read now). */
int end_tables(lg_extractor *ex);
int stream_add(lg_extractor *ex, const tcell *c, int barred);

#endif
