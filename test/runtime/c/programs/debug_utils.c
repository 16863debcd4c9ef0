// VK_EXT_debug_utils: messengers receive the shim's validation messages with their severities
// (an error for a call it refuses, a warning for a command it does not implement), filtered by
// each messenger's severity and type masks, and the program's own vkSubmitDebugUtilsMessageEXT.
#include <string.h>

#include "vkc.h"

typedef struct {
  int errors, warnings, general;
  char last[512];
} Seen;

static VkBool32 VKAPI_PTR on_message(VkDebugUtilsMessageSeverityFlagBitsEXT severity, VkDebugUtilsMessageTypeFlagsEXT types,
                                    const VkDebugUtilsMessengerCallbackDataEXT *data, void *user) {
  Seen *seen = user;
  const int validation = (types & VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT) != 0;
  if (validation && severity == VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) ++seen->errors;
  if (validation && severity == VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT) ++seen->warnings;
  if (types & VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT) ++seen->general;
  if (data && data->pMessage) {
    strncpy(seen->last, data->pMessage, sizeof(seen->last) - 1);
    printf("[%s] %s\n", severity == VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT ? "error" : "warning", data->pMessage);
  }
  return VK_FALSE;
}

int main(void) {
  uint32_t count = 0;
  CHECK_VK(vkEnumerateInstanceExtensionProperties(NULL, &count, NULL));
  VkExtensionProperties props[8];
  CHECK(count >= 1 && count <= 8, "%u instance extensions", count);
  CHECK_VK(vkEnumerateInstanceExtensionProperties(NULL, &count, props));
  int listed = 0;
  for (uint32_t i = 0; i < count; ++i) listed |= strcmp(props[i].extensionName, VK_EXT_DEBUG_UTILS_EXTENSION_NAME) == 0;
  CHECK(listed, "VK_EXT_debug_utils is not listed");

  const char *extensions[] = {VK_EXT_DEBUG_UTILS_EXTENSION_NAME};
  Vkc c;
  int failed = vkc_init_with(&c, 1, extensions);
  if (failed) return failed;
  PFN_vkCreateDebugUtilsMessengerEXT create = (PFN_vkCreateDebugUtilsMessengerEXT)vkGetInstanceProcAddr(c.instance, "vkCreateDebugUtilsMessengerEXT");
  PFN_vkDestroyDebugUtilsMessengerEXT destroy = (PFN_vkDestroyDebugUtilsMessengerEXT)vkGetInstanceProcAddr(c.instance, "vkDestroyDebugUtilsMessengerEXT");
  PFN_vkSubmitDebugUtilsMessageEXT submit = (PFN_vkSubmitDebugUtilsMessageEXT)vkGetInstanceProcAddr(c.instance, "vkSubmitDebugUtilsMessageEXT");
  CHECK(create && destroy && submit, "vkGetInstanceProcAddr has no VK_EXT_debug_utils commands");

  Seen all = {0}, errors_only = {0};
  VkDebugUtilsMessengerCreateInfoEXT info = {VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
  info.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT;
  info.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT;
  info.pfnUserCallback = on_message;
  info.pUserData = &all;
  VkDebugUtilsMessengerEXT m_all, m_errors;
  CHECK_VK(create(c.instance, &info, NULL, &m_all));
  info.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
  info.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT;
  info.pUserData = &errors_only;
  CHECK_VK(create(c.instance, &info, NULL, &m_errors));

  // An error: a buffer of size 0 is refused.
  VkBufferCreateInfo bci = {VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  bci.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;
  VkBuffer buffer;
  CHECK(vkCreateBuffer(c.device, &bci, NULL, &buffer) != VK_SUCCESS, "a buffer of size 0 was made");
  CHECK(all.errors == 1 && errors_only.errors == 1, "the error reached %d and %d messengers' callbacks", all.errors, errors_only.errors);
  CHECK(strstr(all.last, "vkCreateBuffer") != NULL, "the error's message is \"%s\"", all.last);
  // A warning: a command the shim does not implement.
  VkQueryPoolCreateInfo qpci = {VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO};
  qpci.queryType = VK_QUERY_TYPE_TIMESTAMP;
  qpci.queryCount = 1;
  VkQueryPool pool;
  CHECK(vkCreateQueryPool(c.device, &qpci, NULL, &pool) == VK_ERROR_FEATURE_NOT_PRESENT, "vkCreateQueryPool");
  CHECK(all.warnings == 1 && errors_only.warnings == 0, "the warning reached %d and %d", all.warnings, errors_only.warnings);
  CHECK(strstr(all.last, "vkCreateQueryPool") != NULL, "the warning's message is \"%s\"", all.last);
  // The program's own message, of the general type only the first messenger takes.
  VkDebugUtilsMessengerCallbackDataEXT data = {VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CALLBACK_DATA_EXT};
  data.pMessage = "a message of the program's own";
  submit(c.instance, VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT, VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT, &data);
  CHECK(all.general == 1 && errors_only.general == 0, "the program's message reached %d and %d", all.general, errors_only.general);
  // Nothing for a tidy program: a buffer destroyed before its memory is freed.
  VkcBuffer tidy;
  if ((failed = vkc_buffer(&c, 256, &tidy))) return failed;
  vkc_free_buffer(&c, &tidy);
  CHECK(all.errors == 1 && all.warnings == 1, "freeing a buffer's memory after the buffer reported: \"%s\"", all.last);

  destroy(c.instance, m_all, NULL);
  destroy(c.instance, m_errors, NULL);
  CHECK(vkCreateBuffer(c.device, &bci, NULL, &buffer) != VK_SUCCESS, "a buffer of size 0 was made");
  CHECK(all.errors == 1 && errors_only.errors == 1, "a destroyed messenger still receives messages");
  printf("debug utils: errors %d, warnings %d, own messages %d\n", all.errors, all.warnings, all.general);
  vkc_destroy(&c);
  return 0;
}
