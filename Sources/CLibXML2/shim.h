// The libxml2 API credconv uses, plus small helpers for what Swift cannot express directly
// (C global variables, variadic callbacks, SAX fields). Only the XMLSupport module imports this.
#ifndef CREDCONV_CLIBXML2_SHIM_H
#define CREDCONV_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU; its headers would pull in the system ICU, which clashes with the
// ICU copy Foundation brings. credconv uses no libxml2 encoding handler fields, so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/xpath.h>
#include <libxml/xmlversion.h>

/// xmlFree is a global variable (a function pointer); Swift 6 refuses to touch it.
static inline void clx_free(void *p) { xmlFree(p); }

/// Per-parse state reachable from the callbacks through ctxt->_private.
typedef struct {
    void *collector;     // the Swift error collector (unretained)
    int doctype_line;    // > 0 when a DOCTYPE was seen (the parse was stopped there)
} clx_parse_state;

/// The SAX internalSubset callback: fires at <!DOCTYPE, before any of the subset is read.
static void clx_refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id) {
    (void)name; (void)external_id; (void)system_id;
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    clx_parse_state *state = (clx_parse_state *)ctxt->_private;
    if (state != NULL) {
        int line = ctxt->input != NULL ? ctxt->input->line : 1;
        state->doctype_line = line > 0 ? line : 1;
    }
    xmlStopParser(ctxt);
}

typedef void (*clx_error_fn)(void *user_data, xmlErrorPtr error);

/// Installs the structured error handler and the DOCTYPE guard on a parser context.
static inline void clx_prepare_parser(xmlParserCtxtPtr ctxt, clx_error_fn on_error, clx_parse_state *state) {
    ctxt->sax->initialized = XML_SAX2_MAGIC;
    ctxt->sax->serror = (xmlStructuredErrorFunc)on_error;
    ctxt->sax->internalSubset = clx_refuse_doctype;
    ctxt->sax->externalSubset = NULL;
    ctxt->_private = state;
}

/// The parse state of a parser context (for the error callback, which receives the context).
static inline clx_parse_state *clx_state_of(void *ctx) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    return ctxt != NULL ? (clx_parse_state *)ctxt->_private : NULL;
}

static inline int clx_well_formed(xmlParserCtxtPtr ctxt) { return ctxt->wellFormed; }
static inline xmlDocPtr clx_take_document(xmlParserCtxtPtr ctxt) { xmlDocPtr d = ctxt->myDoc; ctxt->myDoc = NULL; return d; }

/// Generic (variadic) error output: silenced, errors are collected through the structured handlers.
static void clx_ignore_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void clx_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, clx_ignore_generic);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

static inline void clx_schema_parser_errors(xmlSchemaParserCtxtPtr c, clx_error_fn f, void *user_data) {
    xmlSchemaSetParserStructuredErrors(c, (xmlStructuredErrorFunc)f, user_data);
}
static inline void clx_schema_valid_errors(xmlSchemaValidCtxtPtr c, clx_error_fn f, void *user_data) {
    xmlSchemaSetValidStructuredErrors(c, (xmlStructuredErrorFunc)f, user_data);
}

static inline const char *clx_version(void) { return LIBXML_DOTTED_VERSION; }

#endif
